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
        if (file is null || file.Length == 0) Error = "Vui lòng chọn tệp Excel (.xlsx).";
        else if (file.Length > ProcedureSheet.MaxBytes) Error = "Tệp quá lớn: tối đa 5 MB.";
        else if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) Error = "Chỉ nhận tệp Excel định dạng .xlsx.";
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
