using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Admin;

public sealed record UserResponse(int Id, string UserName, string FullName, int UnitId, IReadOnlyList<string> Roles, bool TwoFactorEnabled);

public static class UserEndpoints
{
    /// <summary>Read-only user directory for administrators' scripts: `GET /api/v1/users`, `GET /api/v1/users/{id}`.</summary>
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").RequireAuthorization(Policies.CanManageUnit).WithTags("Người dùng");
        users.MapGet("", async (CurrentUser me, CchcDb db, CancellationToken ct) =>
            await QueryAsync(db, db.Users.VisibleTo(me, db.Units), ct));
        users.MapGet("/{id:int}", async (int id, CurrentUser me, CchcDb db, CancellationToken ct) =>
            (await QueryAsync(db, db.Users.VisibleTo(me, db.Units).Where(u => u.Id == id), ct)) is [var one]
                ? Results.Ok(one)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy người dùng."));
    }

    private static async Task<List<UserResponse>> QueryAsync(CchcDb db, IQueryable<AppUser> users, CancellationToken ct)
    {
        var rows = await users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.FullName, u.UnitId, u.TwoFactorEnabled }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        return [.. rows.Select(r => new UserResponse(r.Id, r.UserName ?? "", r.FullName, r.UnitId, [.. roles[r.Id].Order(StringComparer.Ordinal)], r.TwoFactorEnabled))];
    }
}
