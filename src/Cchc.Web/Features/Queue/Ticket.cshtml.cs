using Cchc.Core.Organisation;
using Cchc.Core.Queue;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Queue;

/// <summary>The printable ticket: big number, date and time, unit name; no personal data.</summary>
[Authorize(Roles = QueueDesk.ActorRoleList)]
public sealed class TicketModel(QueueDesk desk) : PageModel
{
    public QueueTicket? Ticket { get; private set; }
    public Unit? Unit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await desk.TicketAsync(HttpContext.GetCurrentUser()!, id, ct) is not { } row) return NotFound();
        (Ticket, Unit) = row;
        return Page();
    }
}
