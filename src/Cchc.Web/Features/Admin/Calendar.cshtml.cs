using Cchc.Core.Access;
using Cchc.Core.Calendar;
using Cchc.Core.Common;
using Cchc.Web.Features.Calendar;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Admin;

/// <summary>
/// The working-day calendar of one year: holidays by law, the admin's adjustments, and the proposed
/// compensatory days (Labour Code 2019 art. 111.3). Everyone signed in may look; only a system
/// administrator changes it, because every due date of every unit depends on it.
/// </summary>
public sealed class CalendarModel(CalendarAdmin admin, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public CalendarInput Input { get; set; } = new();

    public CalendarYear? Data { get; private set; }
    public string? Notice { get; private set; }
    public bool CanEdit => User.IsInRole(Roles.SystemAdmin);
    public int Shown => Year ?? VnTime.Today(clock).Year;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (ModelState.IsValid && await ModelState.TryAsync(() => admin.AddAsync(Input.Date!.Value, Input.Kind!.Value, Input.Reason!, Shown, ct)))
            return RedirectToPage(new { year = Shown, saved = 1 });
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostProposalAsync(DateOnly date, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        ModelState.Clear();
        var year = await admin.YearAsync(Shown, ct);
        var proposal = year.Proposals.FirstOrDefault(p => p.Date == date);
        if (proposal is null)
        {
            ModelState.AddModelError(string.Empty, $"Không có đề xuất nghỉ bù cho ngày {VnTime.Date(date)}.");
            return await ShowAsync(ct);
        }
        if (await ModelState.TryAsync(() => admin.AddAsync(proposal.Date, proposal.Kind, proposal.Reason, Shown, ct)))
            return RedirectToPage(new { year = Shown, saved = 1 });
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        ModelState.Clear();
        if (await ModelState.TryAsync(() => admin.RemoveAsync(id, ct)))
            return RedirectToPage(new { year = Shown, removed = 1 });
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        try
        {
            Data = await admin.YearAsync(Shown, ct);
        }
        catch (RuleViolation e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            Year = VnTime.Today(clock).Year;
            Data = await admin.YearAsync(Shown, ct);
        }
        return Page();
    }

    public static string KindName(CalendarAdjustmentKind kind) => CalendarAdmin.KindName(kind);
}
