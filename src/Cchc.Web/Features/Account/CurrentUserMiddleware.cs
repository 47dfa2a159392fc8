using System.Security.Claims;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Account;

/// <summary>
/// Resolves the signed-in principal to a <see cref="CurrentUser"/> with its unit's path read fresh from
/// the database, so that a unit moved in the tree takes its users' visibility with it at once.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CchcDb db)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true
            && int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && int.TryParse(principal.FindFirstValue(CchcClaims.UnitId), out var unitId))
        {
            var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(context.RequestAborted);
            if (path is not null)
            {
                var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
                var name = principal.FindFirstValue(CchcClaims.FullName) ?? principal.Identity.Name ?? "";
                var isApi = principal.FindFirstValue(CchcClaims.ApiClient) is not null;
                context.Items[CurrentUserHttpExtensions.ItemKey] = new CurrentUser(userId, name, unitId, path, roles, isApi);
            }
        }
        await next(context);
    }
}

public static class CchcClaims
{
    public const string UnitId = "cchc:unit";
    public const string FullName = "cchc:name";
    public const string ApiClient = "cchc:api-client";
}
