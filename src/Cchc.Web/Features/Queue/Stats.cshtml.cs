using Cchc.Core.Organisation;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Queue;

/// <summary>Statistics of a unit's desk for a period (default: the last 30 days), one row per day.</summary>
[Authorize(Roles = QueueDesk.ReaderRoleList)]
public sealed class StatsModel(QueueDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public Unit? Current { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public QueueStatsResponse? Stats { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        Current = await desk.UnitOrOwnAsync(user, Unit, ct);
        if (Current is null) return NotFound();
        Units = await desk.UnitOptionsAsync(user, ct);
        var to = desk.Today;
        var from = to.AddDays(-29);
        if (!string.IsNullOrWhiteSpace(To) && !VnTime.TryParseDate(To, out to))
            ModelState.AddModelError(nameof(To), "Ngày kết thúc phải có dạng dd/MM/yyyy.");
        if (!string.IsNullOrWhiteSpace(From) && !VnTime.TryParseDate(From, out from))
            ModelState.AddModelError(nameof(From), "Ngày bắt đầu phải có dạng dd/MM/yyyy.");
        if (ModelState.IsValid && QueuePeriod.Error(from, to) is { } error) ModelState.AddModelError(nameof(From), error);
        From = VnTime.Date(from);
        To = VnTime.Date(to);
        if (ModelState.IsValid) Stats = await desk.StatsAsync(Current, from, to, ct);
        return Page();
    }
}
