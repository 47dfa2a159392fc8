using Cchc.Core.Access;
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

    /// <summary>Users whose unit lies in the caller's subtree.</summary>
    public static IQueryable<AppUser> VisibleTo(this IQueryable<AppUser> users, CurrentUser user, IQueryable<Unit> units)
    {
        var visible = units.VisibleTo(user);
        return users.Where(x => visible.Any(u => u.Id == x.UnitId));
    }

    /// <summary>API keys bound to a unit in the caller's subtree.</summary>
    public static IQueryable<ApiKey> VisibleTo(this IQueryable<ApiKey> keys, CurrentUser user, IQueryable<Unit> units)
    {
        var visible = units.VisibleTo(user);
        return keys.Where(k => visible.Any(u => u.Id == k.UnitId));
    }
}
