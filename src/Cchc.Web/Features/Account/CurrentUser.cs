using System.Reflection;
using Cchc.Core.Access;
using Cchc.Core.Organisation;

namespace Cchc.Web.Features.Account;

/// <summary>
/// Who is asking: a signed-in person or an API client, always bound to one unit. Built once per request
/// by <see cref="CurrentUserMiddleware"/>; pages read it with HttpContext.GetCurrentUser(), minimal API
/// endpoints take it as a parameter.
/// </summary>
public sealed record CurrentUser(int Id, string Name, int UnitId, string UnitPath, IReadOnlySet<string> Roles, bool IsApiClient = false)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsSystemAdmin => Roles.Contains(Core.Access.Roles.SystemAdmin);

    /// <summary>True when the unit with <paramref name="path"/> lies in this user's subtree.</summary>
    public bool CanSee(string path) => IsSystemAdmin || Core.Organisation.UnitPath.IsWithin(path, UnitPath);

    public static ValueTask<CurrentUser?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.GetCurrentUser());
}

public static class CurrentUserHttpExtensions
{
    internal const string ItemKey = "cchc.current-user";

    public static CurrentUser? GetCurrentUser(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as CurrentUser : null;
}
