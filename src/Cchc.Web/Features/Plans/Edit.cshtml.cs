using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans;

/// <summary>Creates a plan (no id) or edits a draft's header and content.</summary>
[Authorize(Policy = PlanAccess.EditPolicy)]
public sealed class EditModel(PlanQueries queries) : PageModel
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    [BindProperty] public string? BasesText { get; set; }
    [BindProperty] public string? ChildPlanDueText { get; set; }
    public int? Id { get; private set; }
    public IReadOnlyList<UnitRef> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        Id = id;
        Units = await queries.UnitChoicesAsync(user, ct);
        if (id is null)
        {
            var year = queries.Today.Year;
            Input = new PlanInput { PeriodFrom = year, PeriodTo = year, IssuingUnitId = user.UnitId, Areas = [.. ReformAreaNames.Codes] };
            return Page();
        }
        var view = await queries.PlanAsync(id.Value, user, ct);
        if (view is null) return NotFound();
        if (!view.CanEdit) return Forbid();
        var p = view.Plan;
        Input = new PlanInput
        {
            Title = p.Title, PeriodFrom = p.PeriodFrom, PeriodTo = p.PeriodTo, IssuingUnitId = p.IssuingUnitId, Purpose = p.Purpose,
            Requirements = p.Requirements, Areas = p.Sections.Select(s => s.Area ?? "").ToList(), Version = p.Version,
        };
        BasesText = string.Join("\n", p.Bases);
        ChildPlanDueText = VnTime.Date(p.ChildPlanDue);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, [FromServices] CreatePlan create, [FromServices] EditPlan edit, CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        Id = id;
        Units = await queries.UnitChoicesAsync(user, ct);
        Input.Bases = PlanPages.Lines(BasesText);
        if (!string.IsNullOrWhiteSpace(ChildPlanDueText))
        {
            if (VnTime.TryParseDate(ChildPlanDueText, out var due)) Input.ChildPlanDue = due;
            else ModelState.AddModelError(nameof(ChildPlanDueText), "Hạn ban hành kế hoạch cấp dưới không hợp lệ (dd/MM/yyyy).");
        }
        if (!ModelState.IsValid) return Page();
        var savedId = id ?? 0;
        var result = await this.RunAsync(async () =>
        {
            if (id is { } existing) await edit.HandleAsync(existing, new PlanUpdateInput { Version = Input.Version, Plan = Input }, user, ct);
            else savedId = (await create.HandleAsync(Input, user, ct)).Id;
        });
        return result ?? Redirect($"/Plans/Details/{savedId}");
    }
}
