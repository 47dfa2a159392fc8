using Cchc.Core.Dossiers;
using Cchc.Core.Organisation;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Dossiers;

/// <summary>One dossier: live state, timeline, and the actions the workflow allows from its status for the caller's role.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = Cchc.Web.Features.Files.FileRules.MaxRequestBytes)]
public sealed class DetailsModel(DossierService service) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool Received { get; set; }

    public DossierDetail Detail { get; private set; } = null!;
    public IReadOnlyList<DossierAction> Actions { get; private set; } = [];
    public bool CanProcess { get; private set; }
    public bool CanSendApology { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public IReadOnlyList<Cchc.Web.Features.Files.FileAttachment> Files { get; private set; } = [];

    public async Task<IActionResult> OnPostActAsync(DossierAction action, int version, string? note, bool electronic, bool digitised,
        ReturnMethod? returnMethod, bool paidOnline, IFormFile? resultFile, CancellationToken ct)
    {
        ResultUpload? upload = null;
        if (resultFile is { Length: > 0 })
        {
            if (resultFile.Length > Cchc.Web.Features.Files.FileRules.MaxBytes)
            {
                ModelState.AddModelError("resultFile", $"Tệp kết quả vượt quá dung lượng cho phép ({Cchc.Web.Features.Files.FileRules.MaxBytes / 1024 / 1024} MB).");
                return await LoadAsync(ct) ? Page() : NotFound();
            }
            using var buffer = new MemoryStream((int)resultFile.Length);
            await resultFile.CopyToAsync(buffer, ct);
            upload = new ResultUpload(resultFile.FileName, buffer.ToArray());
        }
        return await RunAsync(() => service.ActAsync(Caller(), Code, new ActInput(action, version, note, electronic, digitised, returnMethod, paidOnline, upload), ct),
            $"Đã thực hiện: {DossierActions.Name(action)}.", ct);
    }

    public Task<IActionResult> OnPostHandOffAsync(string? unitCode, int workingDays, bool electronically, string? note, int version, CancellationToken ct) =>
        RunAsync(() => service.HandOffAsync(Caller(), Code, unitCode, workingDays, electronically, note, version, ct), "Đã chuyển xử lý liên thông.", ct);

    public Task<IActionResult> OnPostApologyAsync(string? reason, DateOnly? newDate, int version, CancellationToken ct) =>
        RunAsync(() => newDate is { } date
                ? service.DraftApologyAsync(Caller(), Code, reason, date, version, ct)
                : throw new Core.Common.RuleViolation("Vui lòng chọn ngày hẹn trả mới.", "newDate"),
            "Đã lập văn bản xin lỗi và hẹn lại ngày trả kết quả.", ct);

    public Task<IActionResult> OnPostApologySentAsync(int version, CancellationToken ct) =>
        RunAsync(() => service.MarkApologySentAsync(Caller(), Code, version, ct), "Đã ghi nhận gửi văn bản xin lỗi.", ct);

    public Task<IActionResult> OnGetApologyPdfAsync(CancellationToken ct) => ApologyAsync(letter => DossierDocuments.DossierForms.ApologyLetterPdf(letter), ct);

    public Task<IActionResult> OnGetApologyDocxAsync(CancellationToken ct) => ApologyAsync(DossierDocuments.DossierForms.ApologyLetterDocx, ct);

    private async Task<IActionResult> ApologyAsync(Func<DossierDocuments.ApologyLetterData, DossierDocuments.DossierFile> render, CancellationToken ct)
    {
        var detail = await service.GetAsync(Caller(), Code, ct);
        if (detail is null || ApologyLetter.From(detail) is not { } letter) return NotFound();
        var file = render(letter);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private CurrentUser Caller() => HttpContext.GetCurrentUser()!;

    private async Task<IActionResult> RunAsync(Func<Task<Dossier?>> work, string message, CancellationToken ct)
    {
        Dossier? changed = null;
        bool ok = await ModelState.TryAsync(async () => changed = await work(), prefix: "");
        if (ok && changed is null) return NotFound();
        if (!await LoadAsync(ct)) return NotFound();
        if (ok) Done = message;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = Caller();
        var detail = await service.GetAsync(user, Code, ct);
        if (detail is null) return false;
        Detail = detail;
        var d = detail.Dossier;
        Files = await service.FilesAsync(d, ct);
        Actions = d.FromIntegrationSystem ? [] : [.. d.AllowedActions().Where(a => DossierService.MayAct(user, a))];
        CanProcess = !d.FromIntegrationSystem && DossierService.MayProcess(user);
        CanSendApology = !d.FromIntegrationSystem && (DossierService.MayReceive(user) || CanProcess);
        if (CanProcess && d.Status == DossierStatus.InProgress) Units = await service.UnitOptionsAsync(ct);
        return true;
    }

    /// <summary>Actions that need a text (reason, missing papers).</summary>
    public static bool NeedsReason(DossierAction a) => a is DossierAction.Refuse or DossierAction.Stop or DossierAction.RequestSupplement;
}
