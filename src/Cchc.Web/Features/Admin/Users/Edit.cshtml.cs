using Cchc.Core.Access;
using Cchc.Core.Common;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Admin.Users;

/// <summary>
/// Name, unit and roles of one user of the administrator's subtree; lock, unlock, reset password. A user
/// outside the subtree is not found (404); a unit admin cannot touch a system admin.
/// </summary>
[Authorize(Policy = Policies.CanManageUnit)]
public sealed class EditModel(CchcDb db, UserManager<AppUser> users, AdminUnits adminUnits) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    /// <summary>The concurrency stamp the form was drawn from: a stale form is refused, never applied.</summary>
    [BindProperty]
    public string? Stamp { get; set; }

    public AppUser Target { get; private set; } = null!;
    public IReadOnlyList<string> TargetRoles { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool IsLockedOut { get; private set; }
    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public IReadOnlyList<string> Grantable { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        FillForm();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var me = HttpContext.GetCurrentUser()!;
        if (!Guard()) return Page();
        if (!ModelState.IsValid) return Page();
        if (!Units.Any(u => u.Id == Input.UnitId))
        {
            ModelState.AddModelError("Input.UnitId", "Đơn vị không hợp lệ hoặc nằm ngoài phạm vi bạn quản lý.");
            return Page();
        }
        var roles = Input.Roles.Distinct(StringComparer.Ordinal).ToList();
        try
        {
            RoleGrants.CheckAssignment(me.Roles, roles);
        }
        catch (RuleViolation e)
        {
            ModelState.AddModelError("Input.Roles", e.Message);
            return Page();
        }
        if (Stamp != Target.ConcurrencyStamp)
        {
            ModelState.AddModelError(string.Empty, "Tài khoản vừa được người khác thay đổi; hãy tải lại trang rồi sửa lại.");
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Target.FullName = Input.FullName.Trim();
        Target.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        Target.UnitId = Input.UnitId!.Value;
        var result = await users.UpdateAsync(Target);
        var removed = TargetRoles.Except(roles).ToList();
        var added = roles.Except(TargetRoles).ToList();
        if (result.Succeeded && removed.Count > 0) result = await users.RemoveFromRolesAsync(Target, removed);
        if (result.Succeeded && added.Count > 0) result = await users.AddToRolesAsync(Target, added);
        // Roles and unit are read at sign-in: a new security stamp signs the user out everywhere.
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(Target);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        await tx.CommitAsync(ct);
        return RedirectToPage("/Admin/Users/Edit", new { id, saved = true });
    }

    public async Task<IActionResult> OnPostLockAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        FillForm();
        if (!Guard()) return Page();
        if (Target.Id == HttpContext.GetCurrentUser()!.Id)
        {
            ModelState.AddModelError(string.Empty, "Bạn không thể tự khóa tài khoản của mình.");
            return Page();
        }
        await users.SetLockoutEnabledAsync(Target, true);
        await users.SetLockoutEndDateAsync(Target, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(Target);
        return await ReloadAsync(id, "Đã khóa tài khoản.", ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        FillForm();
        if (!Guard()) return Page();
        await users.SetLockoutEndDateAsync(Target, null);
        await users.ResetAccessFailedCountAsync(Target);
        return await ReloadAsync(id, "Đã mở khóa tài khoản.", ct);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        FillForm();
        if (!Guard()) return Page();
        var password = FirstStart.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(Target);
        var result = await users.ResetPasswordAsync(Target, token, password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        await ReloadAsync(id, "Đã đặt lại mật khẩu. Mật khẩu mới chỉ hiện một lần:", ct);
        NewPassword = password;
        return Page();
    }

    private async Task<IActionResult> ReloadAsync(int id, string notice, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        FillForm();
        ModelState.Clear();
        Notice = notice;
        return Page();
    }

    private bool Guard()
    {
        if (CanManage) return true;
        ModelState.AddModelError(string.Empty, "Bạn không có quyền thay đổi tài khoản quản trị hệ thống.");
        return false;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var me = HttpContext.GetCurrentUser()!;
        var target = await users.Users.VisibleTo(me, db.Units).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null) return false;
        Target = target;
        TargetRoles = [.. await users.GetRolesAsync(target)];
        CanManage = RoleGrants.CanManage(me.Roles, TargetRoles);
        IsLockedOut = await users.IsLockedOutAsync(target);
        Units = await adminUnits.ListAsync(me, ct);
        Grantable = RoleGrants.Grantable(me.Roles);
        if (Request.Query.ContainsKey("saved")) Notice = "Đã lưu.";
        return true;
    }

    private void FillForm()
    {
        Input = new UserInput { FullName = Target.FullName, Email = Target.Email, UnitId = Target.UnitId, Roles = [.. TargetRoles] };
        Stamp = Target.ConcurrencyStamp;
    }
}
