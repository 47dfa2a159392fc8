using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Dossiers;

/// <summary>The printable receipt slip (A4), from <see cref="ReceiptSlipData"/>.</summary>
public sealed class ReceiptModel(DossierService service) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    public ReceiptSlipData Slip { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var detail = await service.GetAsync(HttpContext.GetCurrentUser()!, Code, ct);
        if (detail is null) return NotFound();
        Slip = ReceiptSlipData.From(detail);
        return Page();
    }
}
