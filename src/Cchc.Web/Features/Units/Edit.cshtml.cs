using System.ComponentModel.DataAnnotations;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Units;

public sealed class EditUnitInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã đơn vị.")]
    [StringLength(50, ErrorMessage = "Mã đơn vị tối đa 50 ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9._\-]+$", ErrorMessage = "Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên đơn vị.")]
    [StringLength(250, ErrorMessage = "Tên đơn vị tối đa 250 ký tự.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn loại đơn vị.")]
    public string? Type { get; set; }

    public int Version { get; set; }
}

/// <summary>Corrects a unit's code, name or type (a data-entry mistake); a real rename is a dated change.</summary>
[Authorize(Policy = Policies.CanManageUnit)]
public sealed class EditModel(CchcDb db, OrganiseUnits organise) : PageModel
{
    [BindProperty] public EditUnitInput Input { get; set; } = new();
    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().VisibleTo(HttpContext.GetCurrentUser()!).SingleOrDefaultAsync(u => u.Code == code && u.ValidTo == null, ct);
        if (unit is null) return NotFound();
        Code = code;
        Input = new EditUnitInput { Code = unit.Code, Name = unit.Name, Type = unit.Type.ToString(), Version = unit.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Code = code;
        var type = UnitInput.ParseType(Input.Type);
        if (type is null && !string.IsNullOrWhiteSpace(Input.Type)) ModelState.AddModelError("Input.Type", "Loại đơn vị không hợp lệ.");
        if (!ModelState.IsValid) return Page();
        try
        {
            var unit = await organise.CorrectAsync(HttpContext.GetCurrentUser()!, code, Input.Version, Input.Code!, Input.Name!, type!.Value, ct);
            return Redirect($"/Units/Details/{Uri.EscapeDataString(unit.Code)}");
        }
        catch (UnitNotFound) { return NotFound(); }
        catch (Exception e) when (UnitPages.TryAddError(ModelState, e, "Input.")) { return Page(); }
    }
}
