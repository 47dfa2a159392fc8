using Cchc.Web.Features.Account;
using Cchc.Web.Features.DossierDocuments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Admin;

/// <summary>
/// Previews of the dossier forms of each rule set, filled with made-up data and marked "MẪU", so the
/// layout can be checked before any dossier exists (docs/documents.md).
/// </summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class DocumentSamplesModel : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>?handler=File&amp;form=slip|letter&amp;period=61|118&amp;format=pdf|docx</summary>
    public IActionResult OnGetFile(string form, string period, string format = "pdf")
    {
        if (!DossierFormSamples.Periods.Contains(period) || form is not ("slip" or "letter") || format is not ("pdf" or "docx"))
            return NotFound();
        var file = (form, format) switch
        {
            ("slip", "pdf") => DossierForms.ReceiptSlipPdf(DossierFormSamples.Slip(period), DossierFormSamples.Watermark),
            ("slip", _) => DossierForms.ReceiptSlipDocx(DossierFormSamples.Slip(period)),
            (_, "pdf") => DossierForms.ApologyLetterPdf(DossierFormSamples.Letter(period), DossierFormSamples.Watermark),
            _ => DossierForms.ApologyLetterDocx(DossierFormSamples.Letter(period)),
        };
        return File(file.Content, file.ContentType, "mau-" + file.FileName);
    }
}
