using Cchc.Web.Features.Account;
using Cchc.Web.Features.Plans.Document;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans.Spreadsheet;

/// <summary>Downloads the plan's task table (.xlsx, appendix layout); 404 when the plan is not visible.</summary>
[Authorize(Policy = Policies.CanRead)]
public sealed class ExportModel(PlanFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await files.TasksXlsxAsync(HttpContext.GetCurrentUser()!, id, ct) is { } f ? File(f.Content, f.ContentType, f.FileName) : NotFound();
}
