using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Cchc.Core.Queue;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Queue;

/// <summary>The officer's desk: "Gọi số tiếp theo", then finish or mark absent; the unit and counter stay in the address.</summary>
[Authorize(Roles = QueueDesk.ActorRoleList)]
public sealed class IndexModel(QueueDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int Counter { get; set; } = 1;

    public Unit? Current { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<QueueTicket> Today { get; private set; } = [];
    public string? Message { get; private set; }
    public DateOnly Day => desk.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCallNextAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Counter is < 1 or > QueueTicket.MaxCounter)
        {
            ModelState.AddModelError(nameof(Counter), "Số quầy phải từ 1 đến 99.");
            return Page();
        }
        QueueTicket? called = null;
        if (!await ModelState.TryAsync(async () => called = await desk.CallNextAsync(Caller(), Current!, Counter, ct), prefix: "")) return Page();
        return Back(called is null ? "none" : "called-" + called.Display);
    }

    public Task<IActionResult> OnPostFinishAsync(int ticketId, CancellationToken ct) =>
        ChangeAsync(() => desk.FinishAsync(Caller(), ticketId, ct), "finished", ct);

    public Task<IActionResult> OnPostSkipAsync(int ticketId, CancellationToken ct) =>
        ChangeAsync(() => desk.SkipAsync(Caller(), ticketId, ct), "skipped", ct);

    private async Task<IActionResult> ChangeAsync(Func<Task<(QueueTicket Ticket, Unit Unit)?>> change, string done, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var found = true;
        if (!await ModelState.TryAsync(async () => found = await change() is not null, prefix: "")) return Page();
        return found ? Back(done) : NotFound();
    }

    private CurrentUser Caller() => HttpContext.GetCurrentUser()!;

    private IActionResult Back(string done) =>
        Redirect($"/Queue?unit={Uri.EscapeDataString(Current!.Code)}&counter={Counter}&done={Uri.EscapeDataString(done)}");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = Caller();
        Current = await desk.UnitOrOwnAsync(user, Unit, ct);
        if (Current is null) return false;
        Units = await desk.UnitOptionsAsync(user, ct);
        Today = await desk.TodayAsync(Current, ct);
        Message = Request.Query["done"].ToString() switch
        {
            "none" => QueueDesk.NoneWaiting,
            "finished" => "Đã ghi nhận phục vụ xong.",
            "skipped" => "Đã ghi nhận người dân vắng mặt.",
            var s when s.StartsWith("called-", StringComparison.Ordinal) => $"Mời số {s[7..]} tới quầy {Counter}.",
            _ => null,
        };
        return true;
    }
}
