using System.Net;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Indicators;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Indicators;
using Cchc.Web.Features.Units;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Proc = Cchc.Core.Procedures;

namespace Cchc.Web.Tests.Indicators;

/// <summary>
/// Each computed indicator on a small hand-built data set with its exact expected value, the roll-up over
/// the 01/07/2025 reorganisation, entered values with evidence, and who sees what. Today is 02/03/2026
/// (the test clock).
/// </summary>
public abstract class IndicatorEngineTests(TestApp app) : DataTest(app)
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private async Task<Plan> IssuedPlanAsync(Unit issuer, int year, Action<Plan> fill)
    {
        var plan = new Plan(issuer.Id, $"Kế hoạch Cải cách hành chính năm {year}", year, year);
        fill(plan);
        plan.Issue($"{Make.UniqueCode("KH")}/KH", D(year, 1, 5));
        return await App.InsertAsync(plan);
    }

    private static PlanTask Task(Plan plan, string number, string deadline, int year, int leadUnitId, DateOnly? completedOn = null, bool cancelled = false)
    {
        var t = plan.AddTask(new PlanTask(number, $"Nhiệm vụ {number}", null, DeadlineParser.Parse(deadline, year)));
        t.Assign(leadUnitId, []);
        if (completedOn is { } c) t.Complete(c);
        if (cancelled) t.Cancel("Công văn số 5/SGDĐT chấp thuận");
        return t;
    }

    private async Task<JsonElement> GetAsync(AppUser user, string query)
    {
        var response = await App.ClientFor(user).GetAsync("/api/v1/indicators?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Indicator(JsonElement root, string code) =>
        root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static double? Value(JsonElement indicator) =>
        indicator.GetProperty("value").ValueKind == JsonValueKind.Null ? null : indicator.GetProperty("value").GetDouble();

    [Fact]
    public async Task Three_tasks_done_on_time_one_late_and_one_not_yet_due_give_75_percent()
    {
        // Seed 003: "100% nhiệm vụ … hoàn thành đảm bảo tiến độ" = done by the last deadline ÷ due.
        var tree = await App.TreeAsync();
        var s = tree.SchoolA1.Id;
        await IssuedPlanAsync(tree.Department, 2026, p =>
        {
            Task(p, "1", "Tháng 1/2026", 2026, s, D(2026, 1, 20));
            Task(p, "2", "trước ngày 15/02/2026", 2026, s, D(2026, 2, 15));
            Task(p, "3", "Tháng 2/2026", 2026, tree.SchoolA2.Id, D(2026, 2, 1));
            Task(p, "4", "Tháng 1/2026", 2026, s, D(2026, 2, 3));          // done late
            Task(p, "5", "Tháng 12/2026", 2026, s);                       // not yet due: counts in neither part
            Task(p, "6", "Tháng 1/2026", 2026, s, cancelled: true);       // cancelled: left out
        });
        var leader = await App.UserAsync(tree.Department, Roles.Leader);

        var root = await GetAsync(leader, "from=2026-01-01&to=2026-12-31&subtree=true");
        var rate = Indicator(root, IndicatorCodes.TaskCompletionRate);

        Assert.Equal(75, Value(rate));
        Assert.Equal(3, rate.GetProperty("numerator").GetDouble());
        Assert.Equal(4, rate.GetProperty("denominator").GetDouble());
        Assert.Equal("Năm 2026", root.GetProperty("period").GetString());
    }

    [Fact]
    public async Task The_drill_down_lists_the_late_and_overdue_tasks_only()
    {
        var tree = await App.TreeAsync();
        await IssuedPlanAsync(tree.Department, 2026, p =>
        {
            Task(p, "1", "Tháng 1/2026", 2026, tree.SchoolA1.Id, D(2026, 1, 20));
            Task(p, "2", "Tháng 1/2026", 2026, tree.SchoolA1.Id, D(2026, 2, 3));
            Task(p, "3", "Tháng 2/2026", 2026, tree.SchoolA1.Id);
        });
        var leader = await App.UserAsync(tree.Department, Roles.Leader);
        var records = await RecordsAsync(leader, tree.Department, IndicatorCodes.TaskCompletionRate, ReportingPeriod.Year(2026));

        Assert.Equal(["2. Nhiệm vụ 2", "3. Nhiệm vụ 3"], records.Select(r => r.Label).ToArray());
        Assert.StartsWith("Hoàn thành trễ hạn", records[0].Reason);
        Assert.Equal("Quá hạn, chưa hoàn thành", records[1].Reason);
    }

    [Fact]
    public async Task A_schools_figures_roll_up_to_the_unit_it_belonged_to_at_the_time()
    {
        // Two-level local government from 01/07/2025 (docs/organisation.md): the school leaves the district
        // Phòng GDĐT for a commune. Its March task counts under the district, its September task under the commune.
        var tree = await App.TreeAsync();
        var commune = await App.UnitAsync(tree.Department, UnitType.Commune, "UBND xã Đông Sơn");
        var admin = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        await App.WithServicesAsync(async sp =>
        {
            var organise = sp.GetRequiredService<OrganiseUnits>();
            var caller = new CurrentUser(admin.Id, admin.FullName, tree.Department.Id, tree.Department.Path, new HashSet<string> { Roles.SystemAdmin });
            return await organise.MoveAsync(caller, tree.SchoolA1.Code, null, commune.Code, D(2025, 7, 1), CancellationToken.None);
        });
        await IssuedPlanAsync(tree.Department, 2025, p =>
        {
            Task(p, "1", "Quý I/2025", 2025, tree.SchoolA1.Id, D(2025, 3, 20));
            Task(p, "2", "Quý III/2025", 2025, tree.SchoolA1.Id);
        });
        var leader = await App.UserAsync(tree.Department, Roles.Leader);

        async Task<(double?, double)> RateAsync(Unit unit)
        {
            var i = Indicator(await GetAsync(leader, $"unit={unit.Code}&from=2025-01-01&to=2025-12-31"), IndicatorCodes.TaskCompletionRate);
            return (Value(i), i.GetProperty("denominator").GetDouble());
        }

        Assert.Equal((100.0, 1.0), await RateAsync(tree.DistrictA));
        Assert.Equal((0.0, 1.0), await RateAsync(commune));
        Assert.Equal((50.0, 2.0), await RateAsync(tree.Department));
        Assert.Equal(((double?)null, 0.0), await RateAsync(tree.DistrictB));
    }

    [Fact]
    public async Task Units_that_issued_their_plan_by_the_deadline_over_units_due()
    {
        // Seed 000: child plans due 25/02/2022; District A on time, District B late, the office not at all → 1/3.
        var tree = await App.TreeAsync();
        var parent = await IssuedPlanAsync(tree.Department, 2022, p => p.SetChildPlanDue(D(2022, 2, 25)));
        var onTime = PlanCascade.CopyForChild(parent, tree.DistrictA.Id, Array.Empty<int>());
        onTime.Issue("12/KH-PGDĐT", D(2022, 2, 25));
        var late = PlanCascade.CopyForChild(parent, tree.DistrictB.Id, Array.Empty<int>());
        late.Issue("20/KH-PGDĐT", D(2022, 3, 3));
        await App.InsertAsync(onTime);
        await App.InsertAsync(late);
        var leader = await App.UserAsync(tree.Department, Roles.Leader);

        var rate = Indicator(await GetAsync(leader, "from=2022-01-01&to=2022-12-31"), IndicatorCodes.UnitPlanSubmittedRate);

        Assert.Equal(100.0 / 3, Value(rate)!.Value, 9);
        Assert.Equal(3, rate.GetProperty("denominator").GetDouble());
        var records = await RecordsAsync(leader, tree.Department, IndicatorCodes.UnitPlanSubmittedRate, ReportingPeriod.Year(2022));
        Assert.Equal(2, records.Count);
        Assert.Contains(records, r => r.UnitName == tree.Office.Name && r.Reason == "Chưa ban hành (quá hạn)");
    }

    [Fact]
    public async Task Procedure_coverage_counts_the_procedures_in_force_at_the_end_of_the_period()
    {
        var tree = await App.TreeAsync();
        var owner = tree.Office.Id;
        async Task AddAsync(Proc.OnlineLevel level, bool inter = false, DateOnly? ends = null, string field = "Giáo dục trung học") =>
            await App.InsertAsync(new Proc.Procedure(Make.UniqueCode("TT"), new Proc.ProcedureDetails("Thủ tục thử", field, Proc.CompetentLevel.Department, owner,
                Cchc.Core.Dossiers.ProcessingTime.WorkingDays(5), null, null, level, false, false, false, Proc.IsoProcess.None, !inter, inter, D(2024, 1, 1), ends)));
        await AddAsync(Proc.OnlineLevel.Full);
        await AddAsync(Proc.OnlineLevel.Partial);
        await AddAsync(Proc.OnlineLevel.LegacyLevel3, field: "Thi, tuyển sinh");   // NĐ 43/2011 level 3 = một phần
        await AddAsync(Proc.OnlineLevel.None, field: "Thi, tuyển sinh");
        await AddAsync(Proc.OnlineLevel.None, inter: true);                        // internal: not a public service
        await AddAsync(Proc.OnlineLevel.None, ends: D(2025, 6, 30));                // no longer in force on 31/12/2025
        var leader = await App.UserAsync(tree.Department, Roles.Leader);

        var root = await GetAsync(leader, "from=2025-01-01&to=2025-12-31");

        Assert.Equal(75, Value(Indicator(root, IndicatorCodes.ProcedureOnlineCoverage)));
        Assert.Equal(100, Value(Indicator(root, IndicatorCodes.ProcedurePublishedRate)));
        Assert.Equal(0, Value(Indicator(root, IndicatorCodes.ProcedureIsoRate)));
        // Seed 004: "80% TTHC mức độ 3 phát sinh hồ sơ": the three online procedures have had no online dossier.
        var withDossiers = Indicator(root, IndicatorCodes.ProcedureOnlineWithDossiers);
        Assert.True(withDossiers.GetProperty("available").GetBoolean());
        Assert.Equal(0, Value(withDossiers));
        Assert.Equal(3, withDossiers.GetProperty("denominator").GetDouble());
    }

    [Fact]
    public async Task An_entered_value_needs_its_evidence_file_and_rolls_up_by_fractions()
    {
        var tree = await App.TreeAsync();
        var leaderA = await App.UserAsync(tree.DistrictA, Roles.Leader);
        var leaderB = await App.UserAsync(tree.DistrictB, Roles.Specialist);
        var q1 = ReportingPeriod.Quarter(2025, 1);

        var refused = await Assert.ThrowsAsync<Cchc.Core.Common.RuleViolation>(() =>
            EnterAsync(leaderA, tree.DistrictA, q1, 9, 10, null));
        Assert.Equal("Cần đính kèm tệp tài liệu kiểm chứng.", refused.Message);
        Assert.Empty(await RecordsAsync(leaderA, tree.DistrictA, IndicatorCodes.EDocumentSignedRate, ReportingPeriod.Year(2025)));

        await EnterAsync(leaderA, tree.DistrictA, q1, 9, 10, Pdf());
        await EnterAsync(leaderB, tree.DistrictB, q1, 50, 100, Pdf());
        var deptLeader = await App.UserAsync(tree.Department, Roles.Leader);

        var rate = Indicator(await GetAsync(deptLeader, "from=2025-01-01&to=2025-03-31"), IndicatorCodes.EDocumentSignedRate);
        Assert.Equal(59.0 / 110 * 100, Value(rate)!.Value, 9);
        var records = await RecordsAsync(deptLeader, tree.Department, IndicatorCodes.EDocumentSignedRate, q1);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.StartsWith("/files/", r.Link));
        var file = await App.ClientFor(deptLeader).GetAsync(records[0].Link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        // District B's leader does not see District A's evidence.
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(leaderB).GetAsync(records.Single(r => r.UnitName == tree.DistrictA.Name).Link)).StatusCode);
    }

    [Fact]
    public async Task A_district_leader_sees_only_its_own_subtree()
    {
        var tree = await App.TreeAsync();
        await IssuedPlanAsync(tree.Department, 2026, p =>
        {
            Task(p, "1", "Tháng 1/2026", 2026, tree.SchoolA1.Id, D(2026, 1, 10));
            Task(p, "2", "Tháng 1/2026", 2026, tree.SchoolB1.Id);
        });
        var leaderA = await App.UserAsync(tree.DistrictA, Roles.Leader);

        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(leaderA).GetAsync($"/api/v1/indicators?unit={tree.DistrictB.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(leaderA).GetAsync($"/api/v1/indicators?unit={tree.Department.Code}")).StatusCode);
        var own = Indicator(await GetAsync(leaderA, "from=2026-01-01&to=2026-12-31"), IndicatorCodes.TaskCompletionRate);
        Assert.Equal(100, Value(own));
        var ranking = await App.WithServicesAsync(async sp =>
        {
            var engine = sp.GetRequiredService<IndicatorEngine>();
            var scope = await engine.ScopeAsync(IndicatorHtml.Caller(leaderA, tree.DistrictA, Roles.Leader), new IndicatorQuery(null, true, ReportingPeriod.Year(2026)), CancellationToken.None);
            return await sp.GetRequiredService<IndicatorReports>().RankingAsync(scope!, IndicatorCodes.TaskCompletionRate, CancellationToken.None);
        });
        Assert.Equal([tree.SchoolA1.Name, tree.SchoolA2.Name], ranking!.Rows.Select(r => r.Unit.Name).ToArray());
        Assert.Equal(1, ranking.Rows[0].Rank);
        Assert.Null(ranking.Rows[1].Rank);
    }

    [Theory]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=ngày mai", "to")]
    [InlineData("from=2025-06-01&to=2025-01-01", "from")]
    public async Task Bad_dates_are_refused_in_Vietnamese(string query, string field)
    {
        var tree = await App.TreeAsync();
        var leader = await App.UserAsync(tree.Department, Roles.Leader);
        var response = await App.ClientFor(leader).GetAsync("/api/v1/indicators?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Dữ liệu nhập không hợp lệ", json.GetProperty("title").GetString());
        Assert.Contains("Ngày", json.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_plan_target_shows_the_live_value_of_its_year_and_its_status()
    {
        var tree = await App.TreeAsync();
        await IssuedPlanAsync(tree.Department, 2025, p =>
        {
            p.AddTarget(new Target(IndicatorCodes.TaskCompletionRate, null, Comparator.AtLeast, 90, "%", 2025));
            Task(p, "1", "Quý I/2025", 2025, tree.SchoolA1.Id, D(2025, 3, 1));
            Task(p, "2", "Quý II/2025", 2025, tree.SchoolA1.Id, D(2025, 6, 1));
            Task(p, "3", "Quý III/2025", 2025, tree.SchoolA1.Id);
        });
        var leader = await App.UserAsync(tree.Department, Roles.Leader);

        var target = Indicator(await GetAsync(leader, "from=2025-01-01&to=2025-03-31"), IndicatorCodes.TaskCompletionRate)
            .GetProperty("targets").EnumerateArray().Single();

        // The year 2025 is over on 02/03/2026: 2 of 3 = 66.67% < 90% → missed, whatever quarter is shown.
        Assert.Equal(200.0 / 3, target.GetProperty("value").GetDouble(), 9);
        Assert.True(target.GetProperty("live").GetBoolean());
        Assert.Equal("Missed", target.GetProperty("status").GetString());
        Assert.Equal("Không đạt", target.GetProperty("statusName").GetString());
    }

    private Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(AppUser user, Unit unit, string code, ReportingPeriod period) =>
        App.WithServicesAsync(async sp =>
        {
            var engine = sp.GetRequiredService<IndicatorEngine>();
            var caller = await CallerAsync(user);
            var scope = await engine.ScopeAsync(caller, new IndicatorQuery(unit.Code, true, period), CancellationToken.None);
            return await engine.RecordsAsync(scope!, code, CancellationToken.None);
        });

    /// <summary>The caller as the middleware builds it; every user of these tests holds one role.</summary>
    private Task<CurrentUser> CallerAsync(AppUser user) => App.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var stored = await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var roles = await users.GetRolesAsync(stored!);
        var unit = await sp.GetRequiredService<Cchc.Web.Data.CchcDb>().Units.FindAsync(user.UnitId);
        return new CurrentUser(user.Id, user.FullName, unit!.Id, unit.Path, roles.ToHashSet());
    });

    private static IFormFile Pdf()
    {
        var bytes = "%PDF-1.7 báo cáo số liệu văn bản điện tử"u8.ToArray();
        return new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", "bao-cao-van-ban-dien-tu.pdf");
    }

    private async Task EnterAsync(AppUser user, Unit unit, ReportingPeriod period, double n, double d, IFormFile? file)
    {
        var caller = await CallerAsync(user);
        await App.WithServicesAsync(async sp => await sp.GetRequiredService<EnterIndicator>().EnterAsync(caller,
            new EnterIndicatorInput(unit.Code, IndicatorCodes.EDocumentSignedRate, period, n, d, null, "Báo cáo số 12/BC ngày 05/4/2025", null), file, CancellationToken.None));
    }
}

public sealed class IndicatorEngineTestsOnSqlite(SqliteApp app) : IndicatorEngineTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorEngineTestsOnPostgres(PostgresApp app) : IndicatorEngineTests(app), IClassFixture<PostgresApp>;
