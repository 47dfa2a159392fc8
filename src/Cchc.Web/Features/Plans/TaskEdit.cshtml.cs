using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans;

/// <summary>Adds a task (appendix row) to a plan or edits one; the plan's editors only.</summary>
[Authorize(Policy = PlanAccess.EditPolicy)]
public sealed class TaskEditModel(PlanQueries queries) : PageModel
{
    [BindProperty] public TaskInput Input { get; set; } = new();
    public PlanView View { get; private set; } = null!;
    public int? TaskId { get; private set; }
    public IReadOnlyList<UnitRef> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, int? taskId, CancellationToken ct)
    {
        if (await LoadAsync(planId, taskId, ct) is { } fail) return fail;
        if (taskId is { } id)
        {
            var t = View.Plan.Tasks.SingleOrDefault(x => x.Id == id);
            if (t is null) return NotFound();
            Input = new TaskInput
            {
                Number = t.Number, Content = t.Content, Area = t.Area, LeadUnitId = t.LeadUnitId, PartnerUnitIds = [.. t.PartnerUnitIds],
                LeadText = t.LeadText, PartnersText = t.PartnersText, ProductType = t.ProductType, Requirement = t.Requirement,
                Deadlines = string.Join("\n", t.Deadlines.Select(d => d.Text)), Version = t.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, int? taskId, [FromServices] SaveTask save, CancellationToken ct)
    {
        if (await LoadAsync(planId, taskId, ct) is { } fail) return fail;
        if (!ModelState.IsValid) return Page();
        var savedId = taskId ?? 0;
        var result = await this.RunAsync(async () => savedId = (await save.HandleAsync(planId, taskId, Input, HttpContext.GetCurrentUser()!, ct)).Id);
        return result ?? Redirect($"/Plans/Task/{savedId}");
    }

    private async Task<IActionResult?> LoadAsync(int planId, int? taskId, CancellationToken ct)
    {
        TaskId = taskId;
        var user = HttpContext.GetCurrentUser()!;
        var view = await queries.PlanAsync(planId, user, ct);
        if (view is null) return NotFound();
        if (!view.CanEdit) return Forbid();
        View = view;
        Units = await queries.UnitChoicesAsync(user, ct);
        return null;
    }
}
