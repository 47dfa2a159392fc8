using System.ComponentModel.DataAnnotations;
using Cchc.Core.Access;
using Cchc.Core.Common;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Admin.ApiKeys;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, string UnitName, string Role, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed class ApiKeyInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên khóa.")]
    [StringLength(100, ErrorMessage = "Tên khóa tối đa 100 ký tự.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng chọn đơn vị.")]
    public int? UnitId { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn vai trò.")]
    public string Role { get; set; } = "";
}

/// <summary>API keys of the administrator's subtree: create (the key is shown once), revoke.</summary>
[Authorize(Policy = Policies.CanManageUnit)]
public sealed class IndexModel(CchcDb db, IssueApiKey issue, AdminUnits adminUnits, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ApiKeyInput Input { get; set; } = new();

    public IReadOnlyList<ApiKeyRow> Rows { get; private set; } = [];
    public IReadOnlyList<UnitOption> Units { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var me = HttpContext.GetCurrentUser()!;
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var unit = Units.FirstOrDefault(u => u.Id == Input.UnitId);
        if (unit is null)
        {
            ModelState.AddModelError("Input.UnitId", "Đơn vị không hợp lệ hoặc nằm ngoài phạm vi bạn quản lý.");
            return Page();
        }
        try
        {
            var issued = await issue.HandleAsync(unit.Code, Input.Role, Input.Name, me, ct);
            NewSecret = issued.Secret;
            Notice = $"Đã tạo khóa “{issued.Key.Name}”. Khóa chỉ hiện một lần; hãy sao chép ngay:";
        }
        catch (RuleViolation e)
        {
            ModelState.AddModelError(e.Field is null ? string.Empty : "Input." + e.Field, e.Message);
            return Page();
        }
        ModelState.Clear();
        Input = new();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var me = HttpContext.GetCurrentUser()!;
        var key = await db.Set<ApiKey>().VisibleTo(me, db.Units).SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return NotFound();
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        ModelState.Clear();
        await LoadAsync(ct);
        Notice = $"Đã thu hồi khóa “{key.Name}”.";
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = HttpContext.GetCurrentUser()!;
        Units = await adminUnits.ListAsync(me, ct);
        var rows = await db.Set<ApiKey>().AsNoTracking().VisibleTo(me, db.Units)
            .Join(db.Units, k => k.UnitId, u => u.Id, (k, u) => new ApiKeyRow(k.Id, k.Name, k.Prefix, u.Name, k.Role, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);
        Rows = [.. rows.OrderBy(r => r.RevokedAt is not null).ThenByDescending(r => r.CreatedAt)];
    }
}
