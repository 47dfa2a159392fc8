using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Core.Queue;
using Cchc.Web.Data;
using Cchc.Web.Features.Queue;
using Cchc.Web.Tests.Infrastructure;
using Cchc.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Queue;

public abstract class QueueTests(TestApp app) : DataTest(app)
{
    // Mon 02/03/2026 08:00 in Hanoi.
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<(TestTree Tree, HttpClient Officer)> SetupAsync()
    {
        App.Clock.SetUtcNow(Morning);
        var tree = await App.TreeAsync();
        return (tree, App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.OneStopOfficer)));
    }

    private static async Task<JsonElement> TakeAsync(HttpClient client, Unit unit, string? service = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/queue/{unit.Code}/tickets", new { service });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    private static async Task<HttpResponseMessage> CallNextAsync(HttpClient client, Unit unit, int counter) =>
        await client.PostAsJsonAsync($"/api/v1/queue/{unit.Code}/call-next", new { counter });

    [Fact]
    public async Task Numbers_go_up_per_unit_and_restart_at_1_each_Vietnam_day()
    {
        var (tree, officer) = await SetupAsync();
        // 23:58 in Hanoi on Monday (16:58 UTC), then 00:01 on Tuesday (17:01 UTC, still Monday in UTC).
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 16, 58, 0, TimeSpan.Zero));
        Assert.Equal(1, (await TakeAsync(officer, tree.DistrictA)).GetProperty("number").GetInt32());
        Assert.Equal(2, (await TakeAsync(officer, tree.DistrictA, "Văn bằng, chứng chỉ")).GetProperty("number").GetInt32());
        Assert.Equal(1, (await TakeAsync(officer, tree.SchoolA1)).GetProperty("number").GetInt32()); // another unit
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 17, 1, 0, TimeSpan.Zero));
        var tuesday = await TakeAsync(officer, tree.DistrictA);
        Assert.Equal(1, tuesday.GetProperty("number").GetInt32());
        Assert.Equal("2026-03-03", tuesday.GetProperty("day").GetString());
        Assert.Equal("001", tuesday.GetProperty("display").GetString());
    }

    [Fact]
    public async Task An_officer_calls_the_oldest_waiting_ticket_then_finishes_or_marks_it_absent_and_the_statistics_follow()
    {
        var (tree, officer) = await SetupAsync();
        await TakeAsync(officer, tree.DistrictA);                          // 08:00
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await TakeAsync(officer, tree.DistrictA);                          // 08:02
        App.Clock.Advance(TimeSpan.FromMinutes(4));
        var first = await JsonAsync(await CallNextAsync(officer, tree.DistrictA, 1)); // 08:06: number 1 waited 6 min
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal(1, first.GetProperty("counter").GetInt32());
        Assert.Equal("đang phục vụ", first.GetProperty("stateName").GetString());
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await JsonAsync(await CallNextAsync(officer, tree.DistrictA, 2)); // 08:16: number 2 waited 14 min
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        var finished = await officer.PostAsync($"/api/v1/queue/tickets/{first.GetProperty("id").GetInt32()}/finish", null);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);                 // served 10 min
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var skipped = await officer.PostAsync($"/api/v1/queue/tickets/{second.GetProperty("id").GetInt32()}/skip", null);
        Assert.Equal("vắng mặt", (await JsonAsync(skipped)).GetProperty("stateName").GetString());

        var none = await CallNextAsync(officer, tree.DistrictA, 1);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Equal("Không còn số nào đang chờ.", (await JsonAsync(none)).GetProperty("title").GetString());

        var stats = await JsonAsync(await officer.GetAsync($"/api/v1/queue/{tree.DistrictA.Code}/stats?from=2026-03-01&to=2026-03-02"));
        var total = stats.GetProperty("total");
        Assert.Equal(2, total.GetProperty("issued").GetInt32());
        Assert.Equal(1, total.GetProperty("served").GetInt32());
        Assert.Equal(1, total.GetProperty("skipped").GetInt32());
        Assert.Equal(6, total.GetProperty("averageWaitMinutes").GetDouble()); // the absent one is not counted
        Assert.Equal(10, total.GetProperty("averageServeMinutes").GetDouble());
        Assert.Equal("2026-03-02", stats.GetProperty("days")[0].GetProperty("day").GetString());
    }

    [Fact]
    public async Task Broken_state_rules_are_refused_in_Vietnamese_with_409_and_nothing_changes()
    {
        var (tree, officer) = await SetupAsync();
        var ticket = await TakeAsync(officer, tree.DistrictA);
        var id = ticket.GetProperty("id").GetInt32();

        var finishWaiting = await officer.PostAsync($"/api/v1/queue/tickets/{id}/finish", null);
        Assert.Equal(HttpStatusCode.Conflict, finishWaiting.StatusCode);
        Assert.Equal("Số 001 chưa được gọi.", (await JsonAsync(finishWaiting)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/queue/tickets/{id}/call", new { counter = 3 })).StatusCode);
        var again = await officer.PostAsJsonAsync($"/api/v1/queue/tickets/{id}/call", new { counter = 4 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Số 001 đã được gọi tới quầy 3.", (await JsonAsync(again)).GetProperty("detail").GetString());

        var badCounter = await officer.PostAsJsonAsync($"/api/v1/queue/{tree.DistrictA.Code}/call-next", new { counter = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, badCounter.StatusCode);
        Assert.Equal("Số quầy phải từ 1 đến 99.", (await JsonAsync(badCounter)).GetProperty("errors").GetProperty("counter")[0].GetString());

        var stored = await App.WithDbAsync(db => db.QueueTickets().AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(QueueTicketState.Called, stored.State);
        Assert.Equal(3, stored.Counter);
    }

    [Fact]
    public async Task A_stale_copy_of_a_ticket_cannot_call_it_a_second_time()
    {
        // The version is checked in the UPDATE: two officers who read the same waiting ticket cannot both call it.
        var (tree, officer) = await SetupAsync();
        var id = (await TakeAsync(officer, tree.DistrictA)).GetProperty("id").GetInt32();
        await using var scope1 = App.Services.CreateAsyncScope();
        await using var scope2 = App.Services.CreateAsyncScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<CchcDb>();
        var db2 = scope2.ServiceProvider.GetRequiredService<CchcDb>();
        var copy1 = await db1.QueueTickets().SingleAsync(t => t.Id == id);
        var copy2 = await db2.QueueTickets().SingleAsync(t => t.Id == id);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        copy1.Call(1, 10, now);
        copy2.Call(2, 11, now);

        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        var stored = await App.WithDbAsync(db => db.QueueTickets().AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(1, stored.Counter);
    }

    [Fact]
    public async Task Officers_calling_at_the_same_time_never_get_the_same_ticket()
    {
        var (tree, officer) = await SetupAsync();
        var other = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.OneStopOfficer));
        const int tickets = 8;
        for (int i = 0; i < tickets; i++) await TakeAsync(officer, tree.DistrictA);

        var calls = Enumerable.Range(0, tickets).Select(i => CallNextAsync(i % 2 == 0 ? officer : other, tree.DistrictA, i % 2 + 1)).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = new List<int>();
        foreach (var r in responses) numbers.Add((await JsonAsync(r)).GetProperty("number").GetInt32());
        Assert.Equal(Enumerable.Range(1, tickets), numbers.Order());
        var waiting = await App.WithDbAsync(db => db.QueueTickets().CountAsync(t => t.UnitId == tree.DistrictA.Id && t.State == QueueTicketState.Waiting));
        Assert.Equal(0, waiting);
    }

    [Fact]
    public async Task Kiosks_taking_numbers_at_the_same_time_get_different_numbers()
    {
        // The unique index (unit, day, number) refuses a duplicate; the losing kiosk retries with the next number.
        var (tree, officer) = await SetupAsync();
        var other = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.OneStopOfficer));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? officer : other).PostAsJsonAsync($"/api/v1/queue/{tree.DistrictA.Code}/tickets", new { service = (string?)null })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<int>();
        foreach (var r in responses) numbers.Add((await JsonAsync(r)).GetProperty("number").GetInt32());
        Assert.Equal(Enumerable.Range(1, 6), numbers.Order());
    }

    [Fact]
    public async Task A_units_queue_is_reachable_only_within_its_subtree()
    {
        var (tree, officer) = await SetupAsync();
        var sibling = await TakeAsync(App.ClientFor(await App.UserAsync(tree.DistrictB, Roles.OneStopOfficer)), tree.DistrictB);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/v1/queue/{tree.DistrictB.Code}/tickets", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/v1/queue/tickets/{sibling.GetProperty("id").GetInt32()}/skip", null)).StatusCode);
        // The department's officer reaches a district's queue below it.
        var department = App.ClientFor(await App.UserAsync(tree.Department, Roles.OneStopOfficer));
        Assert.Equal(HttpStatusCode.OK, (await CallNextAsync(department, tree.DistrictB, 1)).StatusCode);
        // A leader reads the statistics but does not call; a specialist does neither.
        var leader = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Leader));
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/queue/{tree.DistrictA.Code}/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CallNextAsync(leader, tree.DistrictA, 1)).StatusCode);
        var specialist = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync($"/api/v1/queue/{tree.DistrictA.Code}/stats")).StatusCode);
    }

    [Fact]
    public async Task A_statistics_period_must_run_forward_and_last_at_most_a_year()
    {
        var (tree, officer) = await SetupAsync();
        var backwards = await officer.GetAsync($"/api/v1/queue/{tree.DistrictA.Code}/stats?from=2026-03-02&to=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", (await JsonAsync(backwards)).GetProperty("errors").GetProperty("from")[0].GetString());
        var tooLong = await officer.GetAsync($"/api/v1/queue/{tree.DistrictA.Code}/stats?from=2024-01-01&to=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task The_kiosk_prints_a_ticket_and_the_desk_page_calls_it()
    {
        var (tree, _) = await SetupAsync();
        var officer = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.OneStopOfficer));
        var kiosk = $"/Queue/Kiosk?unit={tree.DistrictA.Code}";
        var taken = await Forms.PostAsync(officer, kiosk, ("unit", tree.DistrictA.Code), ("Input.Service", "Thi, tuyển sinh"));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var ticketPage = Forms.Decode(await officer.GetStringAsync(taken.Headers.Location!.OriginalString));
        Assert.Contains(">001<", ticketPage, StringComparison.Ordinal);
        Assert.Contains(tree.DistrictA.Name, ticketPage, StringComparison.Ordinal);
        Assert.Contains("Thi, tuyển sinh", ticketPage, StringComparison.Ordinal);
        Assert.Contains("02/03/2026 08:00", ticketPage, StringComparison.Ordinal);

        var desk = $"/Queue?unit={tree.DistrictA.Code}&counter=4";
        var called = await Forms.PostAsync(officer, desk, [new("unit", tree.DistrictA.Code), new("counter", "4")], handler: "CallNext");
        Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);
        var after = Forms.Decode(await officer.GetStringAsync(called.Headers.Location!.OriginalString));
        Assert.Contains("Mời số 001 tới quầy 4.", after, StringComparison.Ordinal);

        var stats = await officer.GetAsync($"/Queue/Stats?unit={tree.DistrictA.Code}&from=01/03/2026&to=02/03/2026");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Contains("02/03/2026", Forms.Decode(await stats.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_board_shows_numbers_per_counter_without_personal_data_and_refreshes_itself()
    {
        var (tree, officer) = await SetupAsync();
        await TakeAsync(officer, tree.DistrictA, "Văn bằng, chứng chỉ");
        await TakeAsync(officer, tree.DistrictA);
        await TakeAsync(officer, tree.DistrictA);
        await CallNextAsync(officer, tree.DistrictA, 2);

        var anonymous = App.AnonymousClient();
        var board = await anonymous.GetAsync($"/Public/Queue/Display/{tree.DistrictA.Code}");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        var html = Forms.Decode(await board.Content.ReadAsStringAsync());
        Assert.Contains("<meta http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Contains("Quầy 2", html, StringComparison.Ordinal);
        Assert.Contains(">001<", html, StringComparison.Ordinal);
        Assert.Contains("Số đang chờ: 2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Văn bằng", html, StringComparison.Ordinal); // nothing about why the holder came
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Public/Queue/Display/KHONG-CO")).StatusCode);
    }

    [Fact]
    public async Task The_demo_desk_has_a_day_of_demo_tickets_whose_statistics_make_sense()
    {
        App.Clock.SetUtcNow(Morning);
        await Cchc.Web.Features.Demo.DemoData.SeedAsync(App.Services);
        var tickets = await App.WithDbAsync(db => db.QueueTickets().AsNoTracking()
            .Where(t => db.Units.Any(u => u.Id == t.UnitId && u.Code == DemoQueue.UnitCode)).ToListAsync());

        Assert.True(tickets.Count >= 20);
        Assert.All(tickets, t => Assert.True(t.IsDemo));
        Assert.Single(tickets.Select(t => t.Day).Distinct());
        Assert.Equal(new DateOnly(2026, 2, 27), tickets[0].Day); // the Friday before Monday 02/03/2026
        var figures = QueueStatistics.Of(tickets);
        Assert.True(figures.Served > 0 && figures.Skipped > 0);
        Assert.True(figures.AverageWaitMinutes >= 0);
    }
}

public sealed class QueueTestsOnSqlite(SqliteApp app) : QueueTests(app), IClassFixture<SqliteApp>;

public sealed class QueueTestsOnPostgres(PostgresApp app) : QueueTests(app), IClassFixture<PostgresApp>;
