using Cchc.Core.Procedures;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;

namespace Cchc.Web.Features.Procedures;

public static class ProceduresApi
{
    public static void AddProcedures(this WebApplicationBuilder builder) => builder.Services.AddScoped<ProcedureCatalogue>().AddScoped<ProcedureSheet>();

    public static void MapProcedures(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/procedures").RequireAuthorization().WithTags("Thủ tục hành chính");

        api.MapGet("/", async (string? q, string? field, string? level, string? onlineLevel, bool? published, CurrentUser user, ProcedureCatalogue catalogue, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!string.IsNullOrWhiteSpace(field) && ProcedureFields.Find(field) is null) errors["field"] = [$"Lĩnh vực «{field}» không có trong danh mục lĩnh vực."];
            var lv = ProcedureInput.Parse<CompetentLevel>(level);
            if (!string.IsNullOrWhiteSpace(level) && lv is null) errors["level"] = ["Cấp thực hiện không hợp lệ."];
            var ol = ProcedureInput.Parse<OnlineLevel>(onlineLevel);
            if (!string.IsNullOrWhiteSpace(onlineLevel) && ol is null) errors["onlineLevel"] = ["Mức độ dịch vụ công trực tuyến không hợp lệ."];
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: ApiErrors.ValidationTitle);
            var rows = await catalogue.ListAsync(user, new ProcedureFilter(q, field, lv, ol, published), ct);
            return Results.Ok(rows.Select(r => ProcedureResponse.From(r.Procedure, r.Unit)));
        })
        .WithSummary("Danh mục thủ tục hành chính trong phạm vi đơn vị")
        .WithDescription("Lọc theo `q` (không phân biệt dấu và thứ tự từ), `field` (lĩnh vực), `level`, `onlineLevel`, `published`.")
        .Produces<ProcedureResponse[]>().ProducesValidationProblem();

        api.MapGet("/{code}", async (string code, CurrentUser user, ProcedureCatalogue catalogue, CancellationToken ct) =>
            await catalogue.GetAsync(user, code, ct) is { } row ? Results.Ok(ProcedureResponse.From(row.Procedure, row.Unit)) : NotFound())
        .WithSummary("Một thủ tục hành chính theo mã")
        .Produces<ProcedureResponse>().ProducesProblem(404);

        api.MapPost("/", async (ProcedureInput input, CurrentUser user, ProcedureCatalogue catalogue, CancellationToken ct) =>
        {
            var procedure = await catalogue.CreateAsync(user, input, ct);
            var row = await catalogue.GetAsync(user, procedure.Code, ct);
            return Results.Created($"/api/v1/procedures/{Uri.EscapeDataString(procedure.Code)}", ProcedureResponse.From(row!.Procedure, row.Unit));
        })
        .RequireAuthorization(Editors)
        .Validate<ProcedureInput>()
        .WithSummary("Thêm thủ tục hành chính")
        .WithDescription("""Ví dụ: `{ "code": "1.005090", "name": "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "field": "Văn bằng, chứng chỉ", "level": "Department", "owningUnitCode": "SGD", "processingAmount": 1, "processingUnit": "WorkingDays", "onlineLevel": "Full", "published": true, "effectiveFrom": "2024-01-01" }`.""")
        .Produces<ProcedureResponse>(201).ProducesProblem(409);

        api.MapPut("/{code}", async (string code, HttpRequest request, CurrentUser user, ProcedureCatalogue catalogue, CancellationToken ct) =>
        {
            // Visibility before the body: a procedure outside the caller's subtree is 404 whatever was sent.
            if (await catalogue.GetAsync(user, code, ct) is null) return NotFound();
            var input = await request.ReadFromJsonAsync<ProcedureInput>(ct);
            if (input is null) return Results.Problem(statusCode: 400, title: ApiErrors.JsonTitle);
            if (ApiValidation.Problem(input) is { } invalid) return invalid;
            var procedure = await catalogue.UpdateAsync(user, code, input, ct);
            if (procedure is null) return NotFound();
            var row = await catalogue.GetAsync(user, code, ct);
            return Results.Ok(ProcedureResponse.From(row!.Procedure, row.Unit));
        })
        .RequireAuthorization(Editors)
        .Accepts<ProcedureInput>("application/json")
        .ProducesValidationProblem()
        .WithSummary("Sửa thủ tục hành chính")
        .WithDescription("Gửi kèm `version` đã đọc; bản ghi đã bị người khác sửa → 409.")
        .Produces<ProcedureResponse>().ProducesProblem(404).ProducesProblem(409);

        app.MapGet("/api/v1/public/procedures", async (string? q, ProcedureCatalogue catalogue, CancellationToken ct) =>
            Results.Ok((await catalogue.PublicAsync(q, ct)).Select(r => PublicProcedureResponse.From(r.Procedure, r.Unit))))
        .AllowAnonymous()
        .WithTags("Thủ tục hành chính")
        .WithSummary("Tra cứu công khai thủ tục hành chính đã công bố")
        .WithDescription("Không cần đăng nhập. `q` không phân biệt dấu, hoa thường và thứ tự từ: `cap ban sao van bang` tìm thấy «Cấp bản sao văn bằng, chứng chỉ từ sổ gốc».")
        .Produces<PublicProcedureResponse[]>();
    }

    private static readonly Microsoft.AspNetCore.Authorization.AuthorizeAttribute Editors = new() { Roles = string.Join(',', ProcedureCatalogue.EditorRoles) };

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: ProcedureCatalogue.NotFoundMessage);
}
