using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans.Spreadsheet;

[Authorize(Policy = Policies.CanRead)]
// The form limit sits a little above the file limit so that a slightly larger file still reaches the
// Vietnamese message below instead of a bare 400.
[RequestFormLimits(MultipartBodyLengthLimit = PlanTaskSheet.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(PlanTaskSheet.MaxBytes + 1024 * 1024)]
public sealed class ImportModel(PlanTaskSheet sheet) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public TaskSheetResult? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        Error = Cchc.Web.Shared.Office.XlsxUpload.Problem(file, PlanTaskSheet.MaxBytes);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var stream = file!.OpenReadStream();
        Result = await sheet.ImportAsync(HttpContext.GetCurrentUser()!, id, stream, ct);
        if (!Result.Succeeded) Response.StatusCode = StatusCodes.Status400BadRequest;
        else await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        var plan = await sheet.ReadableAsync(user, id, ct);
        if (plan is null) return false;
        Plan = plan;
        CanEdit = await sheet.AccessAsync(user, id, ct) == PlanSheetAccess.Editable && plan.Status != PlanStatus.Superseded;
        return true;
    }
}
