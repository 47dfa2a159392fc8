using Cchc.Web.Features.Account;
using Cchc.Web.Features.Files;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans;

[RequestFormLimits(MultipartBodyLengthLimit = FileRules.MaxRequestBytes)]
[RequestSizeLimit(FileRules.MaxRequestBytes)]
public sealed class DetailsModel(PlanQueries queries) : PageModel
{
    public PlanView View { get; private set; } = null!;
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? IssuedOn { get; set; }
    [BindProperty] public int Version { get; set; }
    public TargetFigureInput Figure { get; private set; } = new();
    public int? FigureTargetId { get; private set; }

    private CurrentUser User_ => HttpContext.GetCurrentUser()!;

    /// <summary>A unit below the issuer drafts its own plan from this one (the page checks the rest).</summary>
    public bool CanCreateChild => PlanAccess.IsEditor(User_) && User_.UnitId != View.Plan.IssuingUnitId;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIssueAsync(int id, [FromServices] EditPlan edit, CancellationToken ct)
    {
        if (!VnTime.TryParseDate(IssuedOn, out var on)) ModelState.AddModelError(nameof(IssuedOn), "Ngày ban hành không hợp lệ (dd/MM/yyyy).");
        if (string.IsNullOrWhiteSpace(Number)) ModelState.AddModelError(nameof(Number), "Vui lòng nhập số kế hoạch.");
        if (ModelState.IsValid)
        {
            var result = await this.RunAsync(() => edit.HandleAsync(id, new PlanUpdateInput { Version = Version, Status = "Issued", Number = Number, IssuedOn = on }, User_, ct), "");
            if (result is null) return Redirect($"/Plans/Details/{id}");
            if (result is not PageResult) return result;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSupersedeAsync(int id, [FromServices] EditPlan edit, CancellationToken ct)
    {
        var result = await this.RunAsync(() => edit.HandleAsync(id, new PlanUpdateInput { Version = Version, Status = "Superseded" }, User_, ct), "");
        if (result is null) return Redirect($"/Plans/Details/{id}");
        if (result is not PageResult) return result;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFigureAsync(int id, int targetId, TargetFigureInput figure, IFormFile? evidence, [FromServices] EnterTargetFigure enter, CancellationToken ct)
    {
        FigureTargetId = targetId;
        Figure = figure;
        if (ModelState.IsValid)
        {
            var result = await this.RunAsync(() => enter.HandleAsync(id, targetId, Figure, evidence, User_, ct), nameof(Figure));
            if (result is null) return Redirect($"/Plans/Details/{id}#target-{targetId}");
            if (result is not PageResult) return result;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveTargetAsync(int id, int targetId, [FromServices] RemoveTargetLine remove, CancellationToken ct)
    {
        var result = await this.RunAsync(() => remove.HandleAsync(id, targetId, User_, ct), "");
        if (result is null) return Redirect($"/Plans/Details/{id}");
        if (result is not PageResult) return result;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.PlanAsync(id, User_, ct);
        if (view is null) return false;
        View = view;
        Version = view.Plan.Version;
        return true;
    }
}
