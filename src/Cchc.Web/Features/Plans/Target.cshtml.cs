using System.Globalization;
using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans;

/// <summary>Adds or edits a target line: one value, or a trajectory ("2023: 30; 2025: 50").</summary>
[Authorize(Policy = PlanAccess.EditPolicy)]
public sealed class TargetModel(PlanQueries queries) : PageModel
{
    [BindProperty] public TargetLineInput Input { get; set; } = new();
    public PlanView View { get; private set; } = null!;
    public int? TargetId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int planId, int? targetId, CancellationToken ct)
    {
        if (await LoadAsync(planId, targetId, ct) is { } fail) return fail;
        if (targetId is { } id)
        {
            var t = View.Plan.Targets.SingleOrDefault(x => x.Id == id);
            if (t is null) return NotFound();
            var line = t.LineKey.Length == 0 ? [t] : View.Plan.Targets.Where(x => x.LineKey == t.LineKey).OrderBy(x => x.Year).ToList();
            Input = new TargetLineInput
            {
                IndicatorCode = t.IndicatorCode, CustomName = t.CustomName, Comparator = t.Comparator.Symbol(), Unit = t.Unit, Text = t.Text,
                ValueTo = t.ValueTo, GroupMinimum = t.GroupMinimum, Change = t.Change.ToString(), BaseYear = t.BaseYear,
                Year = line.Count == 1 ? t.Year : null,
                Values = line.Count == 1
                    ? t.Value.ToString(CultureInfo.InvariantCulture)
                    : string.Join("; ", line.Select(x => $"{x.Year}: {x.Value.ToString(CultureInfo.InvariantCulture)}")),
            };
        }
        else Input.Year = View.Plan.PeriodTo;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int? targetId, [FromServices] SaveTargetLine save, CancellationToken ct)
    {
        if (await LoadAsync(planId, targetId, ct) is { } fail) return fail;
        if (!ModelState.IsValid) return Page();
        var result = await this.RunAsync(() => save.HandleAsync(planId, targetId, Input, HttpContext.GetCurrentUser()!, ct));
        return result ?? Redirect($"/Plans/Details/{planId}");
    }

    private async Task<IActionResult?> LoadAsync(int planId, int? targetId, CancellationToken ct)
    {
        TargetId = targetId;
        var view = await queries.PlanAsync(planId, HttpContext.GetCurrentUser()!, ct);
        if (view is null) return NotFound();
        if (!view.CanEdit) return Forbid();
        View = view;
        return null;
    }
}
