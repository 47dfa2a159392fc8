using Cchc.Core.Access;
using Cchc.Core.Common;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Admin.Users;

/// <summary>Creates a user in the administrator's subtree with a generated first password, shown once.</summary>
[Authorize(Policy = Policies.CanManageUnit)]
public sealed class CreateModel(CchcDb db, UserManager<AppUser> users, AdminUnits adminUnits) : PageModel
{
    [BindProperty]
    public NewUserInput Account { get; set; } = new();

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public IReadOnlyList<string> Grantable { get; private set; } = [];
    public string? CreatedUserName { get; private set; }
    public string? Password { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await LoadAsync(ct);
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

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = Account.UserName.Trim(),
            FullName = Input.FullName.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            UnitId = Input.UnitId!.Value,
        };
        var password = FirstStart.GeneratePassword();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRolesAsync(user, roles);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        await tx.CommitAsync(ct);
        CreatedUserName = user.UserName;
        Password = password;
        return Page();
    }

    private async Task<CurrentUser> LoadAsync(CancellationToken ct)
    {
        var me = HttpContext.GetCurrentUser()!;
        Units = await adminUnits.ListAsync(me, ct);
        Grantable = RoleGrants.Grantable(me.Roles);
        return me;
    }
}
