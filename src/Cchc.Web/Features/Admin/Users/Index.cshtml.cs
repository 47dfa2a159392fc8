using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Admin.Users;

public sealed record UserRow(int Id, string UserName, string FullName, string UnitName, IReadOnlyList<string> Roles, bool Locked, bool TwoFactor);

/// <summary>The users of the administrator's subtree (all users for a system admin).</summary>
[Authorize(Policy = Policies.CanManageUnit)]
public sealed class IndexModel(CchcDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = HttpContext.GetCurrentUser()!;
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking().VisibleTo(me, db.Units)
            .Join(db.Units, u => u.UnitId, unit => unit.Id, (u, unit) => new { u.Id, u.UserName, u.FullName, UnitName = unit.Name, unit.Path, u.LockoutEnd, u.TwoFactorEnabled })
            .OrderBy(x => x.Path).ThenBy(x => x.UserName)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        // LockoutEnd is a DateTimeOffset (Identity's schema); it is compared here, not in SQL.
        Rows = [.. rows.Select(r => new UserRow(r.Id, r.UserName ?? "", r.FullName, r.UnitName,
            [.. byUser[r.Id].Select(Cchc.Core.Access.Roles.DisplayName)], r.LockoutEnd > now, r.TwoFactorEnabled))];
    }
}
