using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;

namespace Cchc.Web.Features.Queue;

public static class QueueApi
{
    public static void AddQueue(this WebApplicationBuilder builder) => builder.Services.AddScoped<QueueDesk>();

    public static void MapQueue(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/queue").WithTags("Xếp hàng tại Bộ phận Một cửa");

        api.MapPost("/{unitCode}/tickets", async (string unitCode, TakeNumberInput? input, CurrentUser user, QueueDesk desk, CancellationToken ct) =>
        {
            if (await desk.UnitAsync(user, unitCode, ct) is not { } unit) return UnitNotFound();
            input ??= new TakeNumberInput();
            if (ApiValidation.Problem(input) is { } invalid) return invalid;
            var ticket = await desk.IssueAsync(unit, input.Service, ct);
            return Results.Created($"/api/v1/queue/tickets/{ticket.Id}", QueueTicketResponse.From(ticket, unit));
        })
        .RequireAuthorization(Actors)
        .Accepts<TakeNumberInput>("application/json")
        .WithSummary("Lấy số thứ tự tại Bộ phận Một cửa của đơn vị")
        .WithDescription("""Số tăng dần theo đơn vị và theo ngày (giờ Việt Nam), mỗi ngày bắt đầu lại từ 1. Ví dụ: `{ "service": "Văn bằng, chứng chỉ" }`.""")
        .Produces<QueueTicketResponse>(201).ProducesValidationProblem().ProducesProblem(404);

        api.MapPost("/{unitCode}/call-next", async (string unitCode, CallInput? input, CurrentUser user, QueueDesk desk, CancellationToken ct) =>
        {
            if (await desk.UnitAsync(user, unitCode, ct) is not { } unit) return UnitNotFound();
            input ??= new CallInput();
            if (ApiValidation.Problem(input) is { } invalid) return invalid;
            var ticket = await desk.CallNextAsync(user, unit, input.Counter!.Value, ct);
            return ticket is null
                ? Results.Problem(statusCode: 409, title: QueueDesk.NoneWaiting)
                : Results.Ok(QueueTicketResponse.From(ticket, unit));
        })
        .RequireAuthorization(Actors)
        .Accepts<CallInput>("application/json")
        .WithSummary("Gọi số tiếp theo (số đang chờ lâu nhất trong ngày) tới quầy")
        .WithDescription("""Ví dụ: `{ "counter": 2 }`. Hai cán bộ gọi cùng lúc không bao giờ nhận cùng một số. Không còn số chờ → 409.""")
        .Produces<QueueTicketResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/tickets/{id:int}/call", async (int id, CallInput? input, CurrentUser user, QueueDesk desk, CancellationToken ct) =>
        {
            if (await desk.TicketAsync(user, id, ct) is null) return TicketNotFound();
            input ??= new CallInput();
            if (ApiValidation.Problem(input) is { } invalid) return invalid;
            return Answer(await desk.CallAsync(user, id, input.Counter!.Value, ct));
        })
        .RequireAuthorization(Actors)
        .Accepts<CallInput>("application/json")
        .WithSummary("Gọi một số cụ thể tới quầy")
        .WithDescription("""Ví dụ: `{ "counter": 1 }`. Chỉ gọi được số đang chờ; số đã gọi → 409.""")
        .Produces<QueueTicketResponse>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/tickets/{id:int}/finish", async (int id, CurrentUser user, QueueDesk desk, CancellationToken ct) =>
            Answer(await desk.FinishAsync(user, id, ct)))
        .RequireAuthorization(Actors)
        .WithSummary("Kết thúc phục vụ một số đã gọi")
        .Produces<QueueTicketResponse>().ProducesProblem(404).ProducesProblem(409);

        api.MapPost("/tickets/{id:int}/skip", async (int id, CurrentUser user, QueueDesk desk, CancellationToken ct) =>
            Answer(await desk.SkipAsync(user, id, ct)))
        .RequireAuthorization(Actors)
        .WithSummary("Ghi vắng mặt cho một số đã gọi mà người dân không có mặt")
        .Produces<QueueTicketResponse>().ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/{unitCode}/stats", async (string unitCode, DateOnly? from, DateOnly? to, CurrentUser user, QueueDesk desk, CancellationToken ct) =>
        {
            if (await desk.UnitAsync(user, unitCode, ct) is not { } unit) return UnitNotFound();
            var end = to ?? desk.Today;
            var start = from ?? end;
            if (QueuePeriod.Error(start, end) is { } error)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [error] }, title: ApiErrors.ValidationTitle);
            return Results.Ok(await desk.StatsAsync(unit, start, end, ct));
        })
        .RequireAuthorization(Readers)
        .WithSummary("Thống kê xếp hàng theo ngày: thời gian chờ, thời gian phục vụ, số lượt đã phục vụ")
        .WithDescription("`from`, `to` dạng yyyy-MM-dd (mặc định: hôm nay, giờ Việt Nam), tối đa 366 ngày. Thời gian tính bằng phút, chỉ tính các số đã phục vụ xong (không tính số vắng mặt).")
        .Produces<QueueStatsResponse>().ProducesValidationProblem().ProducesProblem(404);
    }

    private static readonly AuthorizeAttribute Actors = new() { Roles = QueueDesk.ActorRoleList };
    private static readonly AuthorizeAttribute Readers = new() { Roles = QueueDesk.ReaderRoleList };

    private static IResult Answer((Core.Queue.QueueTicket Ticket, Core.Organisation.Unit Unit)? row) =>
        row is { } r ? Results.Ok(QueueTicketResponse.From(r.Ticket, r.Unit)) : TicketNotFound();

    private static IResult UnitNotFound() => Results.Problem(statusCode: 404, title: QueueDesk.UnitNotFound);

    private static IResult TicketNotFound() => Results.Problem(statusCode: 404, title: QueueDesk.TicketNotFound);
}

/// <summary>The statistics period: from ≤ to, at most 366 days (one leap year).</summary>
public static class QueuePeriod
{
    public const int MaxDays = 366;

    public static string? Error(DateOnly from, DateOnly to) =>
        from > to ? "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."
        : to.DayNumber - from.DayNumber >= MaxDays ? $"Khoảng thời gian thống kê tối đa {MaxDays} ngày."
        : null;
}
