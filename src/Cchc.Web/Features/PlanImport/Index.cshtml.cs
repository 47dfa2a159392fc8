using Cchc.Core.Access;
using Cchc.Core.PlanImport;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.PlanImport;

/// <summary>Upload of a plan document; the parsed draft is kept server-side and the preview opens.</summary>
[Authorize(Roles = PlanImportPages.Creators)]
// The request limit sits well above the 10 MB file limit so that a too-large file still reaches the
// Vietnamese message of the handler instead of a bare error page; beyond it the server refuses the body.
[RequestFormLimits(MultipartBodyLengthLimit = IndexModel.MaxRequestBytes)]
[RequestSizeLimit(IndexModel.MaxRequestBytes)]
public sealed class IndexModel(PlanImportDrafts drafts) : PageModel
{
    public const long MaxRequestBytes = 64 * 1024 * 1024;

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) Error = "Vui lòng chọn tệp kế hoạch (.docx, .pdf, .txt, .md); tệp gửi lên đang trống.";
        else if (file.Length > PlanDocuments.MaxUploadBytes) Error = PlanDocuments.TooLargeMessage;
        if (Error is null)
        {
            try
            {
                using var buffer = new MemoryStream((int)file!.Length);
                await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
                var result = await PlanDocuments.ReadAsync(file.FileName, buffer.ToArray(), ct);
                var id = await drafts.SaveAsync(HttpContext.GetCurrentUser()!, file.FileName, result, ct);
                return Redirect($"/PlanImport/Preview?draft={id}");
            }
            catch (PlanImportException e)
            {
                Error = e.Message;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public static class PlanImportPages
{
    /// <summary>Who may create a plan from a document: unit administrators and the people who write plans (docs/plan-import-notes.md).</summary>
    public const string Creators = Roles.SystemAdmin + "," + Roles.UnitAdmin + "," + Roles.Leader + "," + Roles.Specialist;
}
