using Cchc.Core.Organisation;
using Cchc.Core.Procedures;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Queue;

/// <summary>
/// The kiosk: a one-stop officer signs in on the kiosk and opens it for a unit; citizens then press a button to
/// take a number (optionally for a field of procedures) and get the printable ticket.
/// </summary>
[Authorize(Roles = QueueDesk.ActorRoleList)]
public sealed class KioskModel(QueueDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty] public TakeNumberInput Input { get; set; } = new();

    public Unit? Current { get; private set; }

    /// <summary>The services offered: the procedure fields (lĩnh vực) of the catalogue.</summary>
    public static IReadOnlyList<string> Services => ProcedureFields.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Current = await desk.UnitOrOwnAsync(HttpContext.GetCurrentUser()!, Unit, ct);
        return Current is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Current = await desk.UnitOrOwnAsync(HttpContext.GetCurrentUser()!, Unit, ct);
        if (Current is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        Core.Queue.QueueTicket? ticket = null;
        if (!await ModelState.TryAsync(async () => ticket = await desk.IssueAsync(Current, Input.Service, ct))) return Page();
        return Redirect($"/Queue/Ticket/{ticket!.Id}");
    }
}
