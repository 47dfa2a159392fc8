using System.Net;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Tasks;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Tasks;

/// <summary>The clock of <see cref="TestApp"/> reads Monday 02/03/2026 in Hà Nội.</summary>
public abstract class TaskViewsTests(TestApp app) : DataTest(app)
{
    private sealed record Seeded(TestTree Tree, Plan Plan, PlanTask Overdue, PlanTask DueSoon, PlanTask Sibling, PlanTask Partnered, PlanTask DoneOnTime, PlanTask DoneLate, string Tag);

    private async Task<Seeded> SeedAsync()
    {
        var tree = await App.TreeAsync();
        var tag = Make.UniqueCode("NV");
        var plan = new Plan(tree.Department.Id, $"Kế hoạch CCHC năm 2026 {tag}", 2026, 2026);
        PlanTask Add(string number, string content, string? area, DateOnly due, int lead, params int[] partners)
        {
            var t = plan.AddTask(new PlanTask(number, $"{content} {tag}", area, [new Deadline(VnDate(due), null, due)]));
            t.Assign(lead, partners);
            return t;
        }
        var overdue = Add("1", "Rà soát quy trình nội bộ giải quyết TTHC", "PROCEDURES", new(2026, 2, 15), tree.DistrictA.Id);
        var dueSoon = Add("2", "Niêm yết công khai thủ tục hành chính", "PROCEDURES", new(2026, 3, 20), tree.SchoolA1.Id);
        var sibling = Add("3", "Báo cáo kết quả CCHC quý I", "DIRECTION", new(2026, 3, 10), tree.DistrictB.Id);
        var partnered = Add("4", "Tổ chức tập huấn cải cách hành chính", "CIVIL_SERVICE", new(2026, 3, 5), tree.Office.Id, tree.DistrictA.Id);
        var onTime = Add("5", "Ban hành kế hoạch tuyên truyền CCHC", "DIRECTION", new(2026, 2, 20), tree.DistrictA.Id);
        var late = Add("6", "Kiểm tra công tác CCHC", "DIRECTION", new(2026, 2, 20), tree.DistrictA.Id);
        onTime.Complete(new DateOnly(2026, 2, 10));
        late.Complete(new DateOnly(2026, 2, 25));
        plan.Issue("15/KH-SGDĐT", new DateOnly(2026, 1, 10));
        await App.InsertAsync(plan);
        return new Seeded(tree, plan, overdue, dueSoon, sibling, partnered, onTime, late, tag);
    }

    private static string VnDate(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<(int Id, string Effective)>> ApiAsync(AppUser user, string query)
    {
        var response = await App.ClientFor(user).GetAsync("/api/v1/tasks?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(e => (e.GetProperty("id").GetInt32(), e.GetProperty("effectiveStatus").GetString()!)).ToList();
    }

    [Fact]
    public async Task My_units_tasks_are_those_led_in_its_subtree_and_partner_tasks_only_on_request()
    {
        var s = await SeedAsync();
        var user = await App.UserAsync(s.Tree.DistrictA, Roles.Specialist);

        var mine = (await ApiAsync(user, "view=mine")).Select(t => t.Id).ToList();
        var withPartner = (await ApiAsync(user, "view=mine&partner=true")).Select(t => t.Id).ToList();

        Assert.Equal(new[] { s.Overdue.Id, s.DueSoon.Id, s.DoneOnTime.Id, s.DoneLate.Id }.Order(), mine.Order());
        Assert.DoesNotContain(s.Sibling.Id, withPartner);
        Assert.Contains(s.Partnered.Id, withPartner);
        Assert.Equal(5, withPartner.Count);
    }

    [Fact]
    public async Task Overdue_is_derived_from_todays_date_and_never_stored()
    {
        var s = await SeedAsync();
        var user = await App.UserAsync(s.Tree.DistrictA, Roles.Specialist);

        var overdue = await ApiAsync(user, "view=overdue");

        var only = Assert.Single(overdue);
        Assert.Equal((s.Overdue.Id, "Overdue"), only);
        var stored = await App.FindAsync<PlanTask>(s.Overdue.Id);
        Assert.Equal(PlanTaskStatus.NotStarted, stored!.Status);
    }

    [Fact]
    public async Task Due_soon_lists_unfinished_tasks_due_within_the_window_of_the_callers_subtree()
    {
        var s = await SeedAsync();
        var district = await App.UserAsync(s.Tree.DistrictA, Roles.Specialist);
        var department = await App.UserAsync(s.Tree.Department, Roles.Leader);

        var forDistrict = (await ApiAsync(district, "view=due-soon")).Select(t => t.Id).ToList();
        var forDepartment = (await ApiAsync(department, "view=due-soon")).Select(t => t.Id).ToList();
        var withinFiveDays = (await ApiAsync(department, "view=due-soon&days=5")).Select(t => t.Id).ToList();

        Assert.Equal([s.DueSoon.Id], forDistrict);
        Assert.Equal(new[] { s.Partnered.Id, s.Sibling.Id, s.DueSoon.Id }, forDepartment);
        Assert.Equal([s.Partnered.Id], withinFiveDays);
    }

    [Fact]
    public async Task Filters_by_area_and_unit_narrow_the_list()
    {
        var s = await SeedAsync();
        var department = await App.UserAsync(s.Tree.Department, Roles.Leader);

        var procedures = (await ApiAsync(department, $"view=mine&plan={s.Plan.Id}&area=PROCEDURES")).Select(t => t.Id).Order().ToList();
        var districtB = (await ApiAsync(department, $"view=mine&year=2026&unit={s.Tree.DistrictB.Id}")).Select(t => t.Id).ToList();
        var otherYear = await ApiAsync(department, $"view=mine&plan={s.Plan.Id}&year=2025");

        Assert.Equal(new[] { s.Overdue.Id, s.DueSoon.Id }.Order(), procedures);
        Assert.Equal([s.Sibling.Id], districtB);
        Assert.Empty(otherYear);
    }

    [Fact]
    public async Task An_unknown_view_is_a_validation_problem()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.Specialist);

        var response = await App.ClientFor(user).GetAsync("/api/v1/tasks?view=later");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("view", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Completion_counts_on_time_and_overall_per_unit_and_plan()
    {
        var s = await SeedAsync();
        var user = await App.UserAsync(s.Tree.DistrictA, Roles.Specialist);
        var current = new CurrentUser(user.Id, user.FullName, s.Tree.DistrictA.Id, s.Tree.DistrictA.Path, new HashSet<string> { Roles.Specialist });

        var report = await App.WithServicesAsync(sp => sp.GetRequiredService<TaskQueries>().CompletionAsync(current, new TaskFilter(PlanId: s.Plan.Id), CancellationToken.None));
        var page = await (await App.ClientFor(user).GetAsync($"/Tasks/Completion?plan={s.Plan.Id}")).Content.ReadAsStringAsync();

        // 4 tasks led in District A's subtree: 2 done (1 on time, 1 late), 1 overdue, 1 not yet due.
        Assert.Equal(4, report.Total.Counted);
        Assert.Equal(50, report.Total.CompletionRate);
        Assert.Equal(100.0 / 3, report.Total.OnTimeRate!.Value, 6);
        var districtLine = Assert.Single(report.ByUnit, l => l.Id == s.Tree.DistrictA.Id);
        Assert.Equal(3, districtLine.Figures.Counted);
        Assert.Equal(4, Assert.Single(report.ByPlan).Figures.Counted);
        Assert.Contains("50%", page);
        Assert.Contains("33,3%", page);
    }

    [Fact]
    public async Task The_pages_list_the_tasks_with_links_to_their_own_page()
    {
        var s = await SeedAsync();
        var user = await App.UserAsync(s.Tree.DistrictA, Roles.Specialist);
        var client = App.ClientFor(user);

        var overdue = await client.GetStringAsync("/Tasks?view=overdue");
        var byArea = await client.GetStringAsync("/Tasks?view=area");
        var calendar = await client.GetStringAsync("/Tasks/Calendar?month=2026-03");
        var home = await client.GetStringAsync("/");

        Assert.Contains($"href=\"/Plans/Tasks/{s.Overdue.Id}\"", overdue);
        Assert.DoesNotContain(s.DueSoon.Content, overdue);
        Assert.Contains("Cải cách thủ tục hành chính", byArea);
        Assert.Contains(s.DueSoon.Content, calendar);
        Assert.Contains("20/03/2026", calendar);
        Assert.DoesNotContain(s.Overdue.Content, calendar);
        // Home page block: overdue, and due within the default 7 days (none: 20/03 is 18 days away).
        Assert.Contains(s.Overdue.Content, home);
        Assert.DoesNotContain(s.DueSoon.Content, home);
    }
}

public sealed class TaskViewsTestsOnSqlite(SqliteApp app) : TaskViewsTests(app), IClassFixture<SqliteApp>;

public sealed class TaskViewsTestsOnPostgres(PostgresApp app) : TaskViewsTests(app), IClassFixture<PostgresApp>;
