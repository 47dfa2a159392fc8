using Cchc.Web.Features.Account;
using Cchc.Web.Features.Plans.Spreadsheet;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Plans.Document;

public sealed record SheetProblemResponse(int Row, string? Column, string Message);

public sealed record TaskImportResponse(int Imported, IReadOnlyList<SheetProblemResponse> Warnings);

/// <summary>
/// GET /api/v1/plans/{id}/tasks.xlsx, POST the same (multipart, field "file") to add the sheet's tasks,
/// GET /api/v1/plans/{id}.docx. Reading needs the plan visible; importing needs it editable.
/// </summary>
public static class PlanFilesApi
{
    public static void AddPlanFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanTaskSheet>();
        builder.Services.AddScoped<PlanFiles>();
    }

    public static void MapPlanFiles(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/plans").RequireAuthorization().WithTags("Kế hoạch – tệp");

        api.MapGet("/{id:int}/tasks.xlsx", async (int id, CurrentUser user, PlanFiles files, CancellationToken ct) =>
                await files.TasksXlsxAsync(user, id, ct) is { } f ? Results.File(f.Content, f.ContentType, f.FileName) : NotFound())
            .Produces(200, contentType: Cchc.Web.Shared.Office.XlsxTable.ContentType);

        api.MapGet("/{id:int}.docx", async (int id, CurrentUser user, PlanFiles files, CancellationToken ct) =>
                await files.DocxAsync(user, id, ct) is { } f ? Results.File(f.Content, f.ContentType, f.FileName) : NotFound())
            .Produces(200, contentType: Cchc.Web.Shared.Office.DocxBuilder.ContentType);

        api.MapPost("/{id:int}/tasks.xlsx", async (int id, HttpContext http, CurrentUser user, PlanTaskSheet sheet, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            switch (await sheet.AccessAsync(user, id, ct))
            {
                case PlanSheetAccess.Missing: return NotFound();
                case PlanSheetAccess.ReadOnly: return Results.Problem(statusCode: 403, title: "Bạn chỉ được xem kế hoạch này, không được sửa (kế hoạch của đơn vị khác).");
            }
            var request = http.Request;
            if (!request.HasFormContentType)
                return Bad("Gửi tệp Excel dạng multipart/form-data, trường “file”.");
            // A browser can post a form across sites with the user's cookie; people must send the antiforgery
            // token, API clients (X-Api-Key) cannot be driven by another site.
            if (!user.IsApiClient && !await antiforgery.IsRequestValidAsync(http))
                return Bad("Thiếu hoặc sai mã chống giả mạo yêu cầu (antiforgery). Hãy tải lên từ trang nhập nhiệm vụ.");
            if (request.ContentLength > PlanTaskSheet.MaxBytes + 64 * 1024)
                return Results.Problem(statusCode: 413, title: "Tệp quá lớn: tối đa 5 MB.");
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null || file.Length == 0) return Bad("Vui lòng gửi tệp Excel (.xlsx) trong trường “file”.");
            if (file.Length > PlanTaskSheet.MaxBytes) return Results.Problem(statusCode: 413, title: "Tệp quá lớn: tối đa 5 MB.");
            await using var stream = file.OpenReadStream();
            var result = await sheet.ImportAsync(user, id, stream, ct);
            var warnings = result.Warnings.Select(w => new SheetProblemResponse(w.Row, w.Column, w.Message)).ToList();
            if (result.Succeeded) return Results.Ok(new TaskImportResponse(result.Imported, warnings));
            var errors = result.Errors.GroupBy(e => e.Row == 0 ? "file" : $"row{e.Row}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Column is null ? e.Message : $"Cột {e.Column}: {e.Message}").ToArray());
            return Results.ValidationProblem(errors, title: "Bảng tính có lỗi; chưa nhập nhiệm vụ nào.", statusCode: 400, extensions: new Dictionary<string, object?>
            {
                ["rows"] = result.Errors.Select(e => new SheetProblemResponse(e.Row, e.Column, e.Message)).ToList(),
                ["warnings"] = warnings,
            });
        }).RequireAuthorization(PlanAccess.EditPolicy).Produces<TaskImportResponse>().ProducesValidationProblem().DisableAntiforgery();
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "Không tìm thấy kế hoạch hoặc bạn không có quyền xem kế hoạch này.");

    private static IResult Bad(string title) => Results.Problem(statusCode: 400, title: title);
}
