using System.ComponentModel.DataAnnotations;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Units;

public sealed class ChangeInput
{
    [Required(ErrorMessage = "Vui lòng nhập ngày hiệu lực.")]
    public DateOnly? EffectiveOn { get; set; }

    [StringLength(250, ErrorMessage = "Tên đơn vị tối đa 250 ký tự.")]
    public string? Name { get; set; }

    [StringLength(50, ErrorMessage = "Mã đơn vị cấp trên tối đa 50 ký tự.")]
    public string? ParentCode { get; set; }

    /// <summary>Successor codes; for a split, separated by commas or spaces.</summary>
    [StringLength(1000, ErrorMessage = "Danh sách mã đơn vị kế thừa quá dài.")]
    public string? SuccessorCodes { get; set; }

    public int Version { get; set; }
}

/// <summary>One dated change of a unit: rename, move, merge, split or close (the kind is in the address).</summary>
[Authorize(Policy = Policies.CanManageUnit)]
public sealed class ChangeModel(CchcDb db, OrganiseUnits organise, UnitTree tree) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["rename"] = "Đổi tên đơn vị",
        ["move"] = "Chuyển đơn vị quản lý",
        ["merge"] = "Sáp nhập đơn vị",
        ["split"] = "Chia tách đơn vị",
        ["close"] = "Giải thể đơn vị",
    };

    [BindProperty] public ChangeInput Input { get; set; } = new();
    public string Code { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public IReadOnlyList<UnitRow> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string kind, CancellationToken ct)
    {
        if (!await LoadAsync(code, kind, ct)) return NotFound();
        Input.EffectiveOn = organise.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string kind, CancellationToken ct)
    {
        if (!await LoadAsync(code, kind, ct, keepInput: true)) return NotFound();
        if (Kind == "rename" && string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddModelError("Input.Name", "Vui lòng nhập tên mới.");
        if (Kind == "move" && string.IsNullOrWhiteSpace(Input.ParentCode)) ModelState.AddModelError("Input.ParentCode", "Vui lòng chọn đơn vị cấp trên mới.");
        var successors = (Input.SuccessorCodes ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Kind == "merge" && successors.Count != 1) ModelState.AddModelError("Input.SuccessorCodes", "Vui lòng chọn một đơn vị tiếp nhận.");
        if (Kind == "split" && successors.Count < 2) ModelState.AddModelError("Input.SuccessorCodes", "Chia tách cần ít nhất hai mã đơn vị kế thừa.");
        if (!ModelState.IsValid) return Page();
        var user = HttpContext.GetCurrentUser()!;
        var on = Input.EffectiveOn!.Value;
        try
        {
            _ = Kind switch
            {
                "rename" => await organise.RenameAsync(user, code, Input.Version, Input.Name!, on, ct),
                "move" => await organise.MoveAsync(user, code, Input.Version, Input.ParentCode!, on, ct),
                "merge" => await organise.MergeAsync(user, code, Input.Version, successors[0], on, ct),
                "split" => await organise.SplitAsync(user, code, Input.Version, successors, on, ct),
                _ => await organise.CloseAsync(user, code, Input.Version, successors.FirstOrDefault(), on, ct),
            };
            return Redirect($"/Units/Details/{Uri.EscapeDataString(code)}");
        }
        catch (Exception e) when (UnitPages.TryAddError(ModelState, e, "Input.")) { return Page(); }
    }

    private async Task<bool> LoadAsync(string code, string kind, CancellationToken ct, bool keepInput = false)
    {
        kind = kind.ToLowerInvariant();
        if (!Titles.ContainsKey(kind)) return false;
        var user = HttpContext.GetCurrentUser()!;
        var unit = await db.Units.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(u => u.Code == code && u.ValidTo == null, ct);
        if (unit is null) return false;
        (Code, Kind, UnitName) = (unit.Code, kind, unit.Name);
        if (!keepInput) Input.Version = unit.Version;
        Others = (await tree.CurrentAsync(user, includeClosed: false, ct)).Where(r => r.Id != unit.Id).ToList();
        return true;
    }
}
