using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Procedures;

[Authorize(Roles = ProcedureCatalogue.EditorRoleList)]
// The form limit sits above the file limit so that a slightly larger file gets the Vietnamese message.
[RequestFormLimits(MultipartBodyLengthLimit = ProcedureSheet.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(ProcedureSheet.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(ProcedureSheet sheet) : PageModel
{
    public ProcedureImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        Error = Cchc.Web.Shared.Office.XlsxUpload.Problem(file, ProcedureSheet.MaxBytes);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = file!.OpenReadStream();
        Result = await sheet.ImportAsync(HttpContext.GetCurrentUser()!, stream, ct);
        if (!Result.Succeeded) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
