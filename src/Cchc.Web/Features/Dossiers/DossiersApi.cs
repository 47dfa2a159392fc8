using Cchc.Core.Access;
using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Dossiers;

public sealed record DossierEventResponse(
    DateTime At, string Action, string Text, int? FromStatus, int? ToStatus, string? Note, string Source, string? ExternalId, string Actor);

public sealed record DossierStepResponse(int Number, string UnitName, int WorkingDays, DateTime StartedAt, DateTime? FinishedAt);

public sealed record DossierStateResponse(
    string Text, string? Legal, string? Live, int DaysLeft, int DaysOverdue, string? Portal766, int SupplementRequests, bool NeedsApology)
{
    public static DossierStateResponse From(DossierClassification c) =>
        new(c.Text, c.Legal?.ToString(), c.Live?.ToString(), c.DaysLeft, c.DaysOverdue, c.Portal?.ToString(), c.SupplementRequests, c.NeedsApology);
}

public sealed record DossierResponse(
    string Code, string ProcedureCode, string ProcedureName, string ReceivingUnit, int Status, string StatusName, int Channel,
    DateTime SubmittedAt, DateTime? ReceivedAt, DateOnly? OriginalDueDate, DateOnly? DueDate, DateOnly? AppointmentDate,
    string RuleSet, DossierStateResponse State, IReadOnlyList<DossierStepResponse> Steps, IReadOnlyList<DossierEventResponse> Timeline, int Version)
{
    public static DossierResponse From(DossierDetail x)
    {
        var d = x.Dossier;
        return new(d.Code, x.Procedure.Code, x.Procedure.Name, x.Unit.Name, (int)d.Status, DossierWorkflow.Name(d.Status), (int)d.Channel,
            d.SubmittedAtUtc, d.ReceivedAtUtc, d.OriginalDueDate, d.DueDate, d.AppointmentDate, d.RuleSet, DossierStateResponse.From(x.State),
            [.. d.Steps.OrderBy(s => s.Number).Select(s => new DossierStepResponse(s.Number, x.UnitNames.GetValueOrDefault(s.UnitId, ""), s.WorkingDays, s.StartedAtUtc, s.FinishedAtUtc))],
            [.. d.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new DossierEventResponse(e.AtUtc,
                e.Action < 100 ? ((DossierAction)e.Action).ToString() : ((DossierEventKind)e.Action).ToString(), e.Describe(),
                (int?)e.FromStatus, (int?)e.ToStatus, e.Note, e.Source.ToString(), e.ExternalId, e.Actor))],
            d.Version);
    }
}

public sealed record DossierListItem(
    string Code, string ProcedureCode, string ProcedureName, string ReceivingUnit, string ApplicantName, int Status, string StatusName,
    int Channel, DateTime SubmittedAt, DateOnly? DueDate, DateOnly? AppointmentDate, DossierStateResponse State);

public sealed record DossierListResponse(int Total, int Page, int PageSize, IReadOnlyList<DossierListItem> Items);

public static class DossiersApi
{
    public static void AddDossiers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DossierService>().AddScoped<DossierSync>().AddScoped<DossierLookup>();
        builder.Services.AddSingleton<LookupThrottle>();
    }

    public static void MapDossiers(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/dossiers").RequireAuthorization().WithTags("Hồ sơ thủ tục hành chính");

        api.MapGet("/", async (DateOnly? from, DateOnly? to, int? status, string? unit, string? live, int? page, int? pageSize,
            CurrentUser user, DossierService service, CancellationToken ct) =>
        {
            if (status is { } s && !Enum.IsDefined((DossierStatus)s))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Trạng thái phải là mã 1–10 của Cổng DVCQG."] }, title: ApiErrors.ValidationTitle);
            var result = await service.ListAsync(user, new DossierFilter(from, to, (DossierStatus?)status, unit, live, null, null, page ?? 1, pageSize ?? 50), ct);
            return Results.Ok(new DossierListResponse(result.Total, result.Page, result.PageSize, [.. result.Items.Select(r => new DossierListItem(
                r.Dossier.Code, r.ProcedureCode, r.ProcedureName, r.UnitName, r.Dossier.ApplicantName, (int)r.Dossier.Status, DossierWorkflow.Name(r.Dossier.Status),
                (int)r.Dossier.Channel, r.Dossier.SubmittedAtUtc, r.Dossier.DueDate, r.Dossier.AppointmentDate, DossierStateResponse.From(r.State)))]));
        })
        .WithSummary("Danh sách hồ sơ trong phạm vi đơn vị")
        .WithDescription("Lọc theo ngày nộp `from`/`to` (yyyy-MM-dd, giờ Việt Nam), `status` (mã 1–10 của Cổng DVCQG), `unit` (mã đơn vị, gồm cả đơn vị trực thuộc), "
            + "`live` (`overdue` quá hạn, `due-soon` còn ≤ 1 ngày làm việc, `in-time`); phân trang `page`, `pageSize` (tối đa 200). Mới nhất trước.")
        .Produces<DossierListResponse>().ProducesValidationProblem();

        api.MapGet("/{code}", async (string code, CurrentUser user, DossierService service, CancellationToken ct) =>
            await service.GetAsync(user, code, ct) is { } detail ? Results.Ok(DossierResponse.From(detail)) : NotFound())
        .WithSummary("Một hồ sơ: trạng thái, hạn xử lý, phân loại đúng hạn, dòng thời gian")
        .WithDescription("`dueDate` là hạn theo Nghị định 61 điều 19.4 (tính lại từ đầu khi nhận đủ hồ sơ bổ sung); `originalDueDate` là hạn ban đầu dùng cho "
            + "thống kê 766 (`state.portal766` trừ thời gian chờ bổ sung, bổ sung quá 1 lần tính trễ hạn). `state.needsApology` = quá hạn hoặc sắp đến hạn mà chưa gửi văn bản xin lỗi.")
        .Produces<DossierResponse>().ProducesProblem(404);

        api.MapPut("/{code}", async (string code, HttpRequest request, CurrentUser user, DossierService service, DossierSync sync, CancellationToken ct) =>
        {
            // Visibility before the body: a dossier of another unit is 404 whatever was sent.
            if (await service.HiddenAsync(user, code, ct)) return NotFound();
            var input = await request.ReadFromJsonAsync<PushInput>(ct);
            if (input is null) return Results.Problem(statusCode: 400, title: ApiErrors.JsonTitle);
            if (ApiValidation.Problem(input) is { } invalid) return invalid;
            if (ApiValidation.Problem(input.Applicant!) is { } badApplicant) return badApplicant;
            var events = input.Events ?? [];
            for (int i = 0; i < events.Count; i++)
                if (ApiValidation.Errors(events[i], System.Text.Json.JsonNamingPolicy.CamelCase) is { Count: > 0 } errors)
                    return Results.ValidationProblem(errors.ToDictionary(e => $"events[{i}].{e.Key}", e => e.Value), title: ApiErrors.ValidationTitle);
            PushOutcome? outcome;
            try
            {
                outcome = await sync.PushAsync(user, code, input, ct);
            }
            catch (PushRejected rejected)
            {
                return Results.Problem(statusCode: 409, title: ApiErrors.RuleTitle, detail: $"Sự kiện «{rejected.EventId}»: {rejected.Message} Không lưu thay đổi nào của yêu cầu này.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["eventId"] = rejected.EventId,
                        ["errors"] = new Dictionary<string, string[]> { [rejected.Index >= 0 ? $"events[{rejected.Index}]" : "events"] = [rejected.Message] },
                    });
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                // The same new event (or a new dossier with this code) stored by a concurrent push.
                return Results.Problem(statusCode: 409, title: ApiErrors.ConflictTitle,
                    detail: "Hồ sơ vừa được một yêu cầu đồng bộ khác cập nhật; gửi lại yêu cầu (các sự kiện đã lưu sẽ được bỏ qua).");
            }
            if (outcome is null) return NotFound();
            var detail = await service.GetAsync(user, code, ct);
            var body = DossierResponse.From(detail!);
            return outcome.Created ? Results.Created($"/api/v1/dossiers/{Uri.EscapeDataString(code)}", body) : Results.Ok(body);
        })
        .RequireAuthorization(Pushers)
        .Accepts<PushInput>("application/json")
        .WithSummary("Đồng bộ hồ sơ và sự kiện trạng thái từ hệ thống một cửa của tỉnh")
        .WithDescription("""
            Khóa API (`X-Api-Key`) vai trò cán bộ một cửa. Tạo hồ sơ nếu chưa có (201), nếu có thì bổ sung sự kiện (200).
            Mỗi sự kiện có `id` của hệ thống gửi: gửi lại sự kiện đã có thì bỏ qua (lũy đẳng). Các sự kiện đã lưu và mới được sắp theo `at`
            rồi kiểm tra lại toàn bộ theo quy trình trạng thái; một bước không hợp lệ → 409 nêu `eventId`, không lưu gì (tất cả hoặc không).
            Thời điểm không kèm múi giờ được hiểu là giờ Việt Nam.
            Ví dụ: `{ "procedureCode": "1.005090", "channel": 2, "submittedAt": "2025-03-03T08:00:00+07:00",
            "applicant": { "name": "Nguyễn Văn An", "phone": "0912345678" },
            "events": [ { "id": "evt-1", "at": "2025-03-03T09:00:00+07:00", "status": 2 }, { "id": "evt-2", "at": "2025-03-03T10:00:00+07:00", "status": 4 } ] }`.
            """)
        .Produces<DossierResponse>().Produces<DossierResponse>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static readonly Microsoft.AspNetCore.Authorization.AuthorizeAttribute Pushers =
        new() { Roles = string.Join(',', Roles.SystemAdmin, Roles.UnitAdmin, Roles.OneStopOfficer) };

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: DossierService.NotFoundMessage);
}
