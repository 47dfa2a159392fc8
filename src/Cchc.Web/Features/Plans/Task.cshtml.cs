using Cchc.Web.Features.Account;
using Cchc.Web.Features.Files;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans;

/// <summary>A task's page: resolved deadlines, status, files, comments and history; the lead unit reports progress here.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = FileRules.MaxRequestBytes)]
[RequestSizeLimit(FileRules.MaxRequestBytes)]
public sealed class TaskModel(PlanQueries queries) : PageModel
{
    public TaskView View { get; private set; } = null!;
    [BindProperty] public TaskProgressInput Input { get; set; } = new();
    [BindProperty] public string? CompletedOnText { get; set; }
    [BindProperty] public string? ProductDateText { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Purpose { get; set; }

    private CurrentUser Caller => HttpContext.GetCurrentUser()!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var t = View.Task;
        Input = new TaskProgressInput { Version = t.Version, Status = t.Status.ToString(), Progress = t.Progress, ProductNumber = t.ProductNumber };
        CompletedOnText = VnTime.Date(t.CompletedOn);
        ProductDateText = VnTime.Date(t.ProductDate);
        return Page();
    }

    public async Task<IActionResult> OnPostProgressAsync(int id, [FromServices] ReportTaskProgress report, CancellationToken ct)
    {
        Input.CompletedOn = ParseDate(CompletedOnText, nameof(CompletedOnText));
        Input.ProductDate = ParseDate(ProductDateText, nameof(ProductDateText));
        if (ModelState.IsValid)
        {
            var result = await this.RunAsync(() => report.HandleAsync(id, Input, Caller, ct));
            if (result is null) return Redirect($"/Plans/Task/{id}");
            if (result is not PageResult) return result;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, [FromServices] CommentOnTask comment, CancellationToken ct)
    {
        ModelState.Clear(); // the progress form's fields are not part of this form
        var result = await this.RunAsync(() => comment.HandleAsync(id, Comment, Caller, ct), "");
        if (result is null) return Redirect($"/Plans/Task/{id}#comments");
        if (result is not PageResult) return result;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, [FromServices] AttachTaskFile attach, CancellationToken ct)
    {
        ModelState.Clear(); // the progress form's fields are not part of this form
        var result = await this.RunAsync(() => attach.HandleAsync(id, Purpose ?? FilePurposes.Evidence, file, Caller, ct), "");
        if (result is null) return Redirect($"/Plans/Task/{id}#files");
        if (result is not PageResult) return result;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (VnTime.TryParseDate(text, out var day)) return day;
        ModelState.AddModelError(field, "Ngày không hợp lệ (dd/MM/yyyy).");
        return null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.TaskAsync(id, Caller, ct);
        if (view is null) return false;
        View = view;
        return true;
    }
}
