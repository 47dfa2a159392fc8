using Cchc.Core.Organisation;

namespace Cchc.Web.Features.Account;

/// <summary>
/// The one place where a user's view is cut to their unit's subtree (architecture.md, "Organisation
/// scoping"). Every query of business data goes through one of these; the authorization tests rely on it.
/// </summary>
public static class VisibleToExtensions
{
    public static IQueryable<Unit> VisibleTo(this IQueryable<Unit> units, CurrentUser user) =>
        user.IsSystemAdmin ? units : units.Where(u => u.Path.StartsWith(user.UnitPath));
}
