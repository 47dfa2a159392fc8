using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Units;

[Authorize(Policy = Policies.CanManageUnit)]
// The form limit sits a little above the file limit so that a slightly larger file still reaches the
// Vietnamese message below instead of a bare 400.
[RequestFormLimits(MultipartBodyLengthLimit = UnitSheet.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(UnitSheet.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(UnitSheet sheet) : PageModel
{
    public ImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        Error = Cchc.Web.Shared.Office.XlsxUpload.Problem(file, UnitSheet.MaxBytes);
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
