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

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => FileAsync(data => DossierDocuments.DossierForms.ReceiptSlipPdf(data), ct);

    public Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => FileAsync(DossierDocuments.DossierForms.ReceiptSlipDocx, ct);

    private async Task<IActionResult> FileAsync(Func<DossierDocuments.ReceiptSlipData, DossierDocuments.DossierFile> render, CancellationToken ct)
    {
        var detail = await service.GetAsync(HttpContext.GetCurrentUser()!, Code, ct);
        if (detail is null) return NotFound();
        var file = render(ReceiptSlipData.From(detail).ForDocuments(detail));
        return File(file.Content, file.ContentType, file.FileName);
    }
}
