using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans.Document;

/// <summary>Downloads the plan as a Word document laid out like the paper plan; 404 when the plan is not visible.</summary>
[Authorize(Policy = Policies.CanRead)]
public sealed class ExportModel(PlanFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await files.DocxAsync(HttpContext.GetCurrentUser()!, id, ct) is { } f ? File(f.Content, f.ContentType, f.FileName) : NotFound();
}
