using Cchc.Core.Procedures;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Dossiers;

/// <summary>The desk's intake form (NĐ 61 art. 17.1c): procedure, applicant, channel, papers; then the code and the appointment date.</summary>
[Authorize(Roles = DeskRoles)]
public sealed class ReceiveModel(DossierService service) : PageModel
{
    public const string DeskRoles = Core.Access.Roles.SystemAdmin + "," + Core.Access.Roles.UnitAdmin + "," + Core.Access.Roles.OneStopOfficer;

    [BindProperty] public IntakeInput Input { get; set; } = new();

    public IReadOnlyList<Procedure> Procedures { get; private set; } = [];

    public async Task OnGetAsync(string? procedure, CancellationToken ct)
    {
        Input.ProcedureCode = procedure;
        Procedures = await service.ProcedureOptionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            Cchc.Core.Dossiers.Dossier? dossier = null;
            if (await ModelState.TryAsync(async () => dossier = await service.ReceiveAsync(HttpContext.GetCurrentUser()!, Input, ct)))
                return Redirect($"/Dossiers/Details/{Uri.EscapeDataString(dossier!.Code)}?received=1");
        }
        Procedures = await service.ProcedureOptionsAsync(ct);
        return Page();
    }
}
