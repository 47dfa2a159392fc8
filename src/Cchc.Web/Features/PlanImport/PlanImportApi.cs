using Cchc.Core.PlanImport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.PlanImport;

public static class PlanImportApi
{
    /// <summary>The form may carry a little more than the file itself (boundaries, the field name).</summary>
    public const long MaxRequestBytes = PlanDocuments.MaxUploadBytes + 1024 * 1024;

    public const string UnreadableTitle = "Không đọc được tệp kế hoạch";

    public static void AddPlanImport(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<PlanImportDrafts>();

    public static void MapPlanImport(this WebApplication app)
    {
        // Any signed-in role (the fallback policy): reading a document changes nothing.
        app.MapPost("/api/v1/plan-imports", async (HttpRequest request, CancellationToken ct) =>
        {
            var (name, bytes, problem) = await ReadUploadAsync(request, ct);
            if (problem is not null) return problem;
            try
            {
                var result = await PlanDocuments.ReadAsync(name, bytes!, ct);
                return Results.Json(result.Plan, PlanImportJson.Options);
            }
            catch (PlanImportException e)
            {
                return Unreadable(e.Message);
            }
        })
        .RequireAuthorization(Account.Policies.CanRead)
        .DisableAntiforgery()
        .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
        .WithTags("Nhập kế hoạch")
        // No Accepts(multipart) metadata: routing would answer another content type with a bare 415; the
        // handler answers it with the Vietnamese 400 below instead.
        .WithDescription("Gửi tệp kế hoạch (.docx, .pdf, .txt, .md; tối đa 10 MB) dạng multipart/form-data, trường “file”; trả về cấu trúc JSON của docs plan-import.md.")
        .Produces<ImportedPlan>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>The multipart field `file`, bounded before it is read; a problem answer when there is none or it is too large.</summary>
    internal static async Task<(string? Name, byte[]? Bytes, IResult? Problem)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxRequestBytes) return (null, null, TooLarge());
        if (!request.HasFormContentType)
            return (null, null, Unreadable("Hãy gửi tệp dạng multipart/form-data trong trường “file”."));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }, ct);
        }
        catch (InvalidDataException)
        {
            return (null, null, TooLarge());
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, null, TooLarge());
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return (null, null, Unreadable("Vui lòng chọn tệp kế hoạch (.docx, .pdf, .txt, .md); tệp gửi lên đang trống."));
        if (file.Length > PlanDocuments.MaxUploadBytes) return (null, null, TooLarge());
        using var buffer = new MemoryStream((int)file.Length);
        await using (var s = file.OpenReadStream()) await s.CopyToAsync(buffer, ct);
        return (file.FileName, buffer.ToArray(), null);
    }

    private static IResult Unreadable(string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] }, detail: message, title: UnreadableTitle);

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: PlanDocuments.TooLargeMessage);
}
