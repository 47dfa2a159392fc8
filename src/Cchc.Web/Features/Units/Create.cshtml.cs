using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Units;

[Authorize(Policy = Policies.CanManageUnit)]
public sealed class CreateModel(OrganiseUnits organise, UnitTree tree) : PageModel
{
    [BindProperty] public UnitInput Input { get; set; } = new();
    public IReadOnlyList<UnitRow> Parents { get; private set; } = [];

    public async Task OnGetAsync(string? parent, CancellationToken ct)
    {
        Input.ParentCode = parent;
        Input.ValidFrom = organise.Today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var type = UnitInput.ParseType(Input.Type);
        if (type is null && !string.IsNullOrWhiteSpace(Input.Type)) ModelState.AddModelError("Input.Type", "Loại đơn vị không hợp lệ.");
        if (ModelState.IsValid)
        {
            try
            {
                var unit = await organise.CreateAsync(HttpContext.GetCurrentUser()!,
                    new CreateUnit(Input.Code!, Input.Name!, type!.Value, Input.ParentCode, Input.ValidFrom!.Value), ct);
                return Redirect($"/Units/Details/{Uri.EscapeDataString(unit.Code)}");
            }
            catch (Exception e) when (UnitPages.TryAddError(ModelState, e, "Input.")) { }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Parents = await tree.CurrentAsync(HttpContext.GetCurrentUser()!, includeClosed: false, ct);
}
