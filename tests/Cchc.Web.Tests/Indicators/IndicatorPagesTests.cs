using System.Globalization;
using System.Net;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Indicators;
using Cchc.Core.Plans;
using Cchc.Web.Tests.Infrastructure;
using Cchc.Web.Tests.Security;

namespace Cchc.Web.Tests.Indicators;

/// <summary>The overview page, its exports and the entry form; the page shows the same figures as the API.</summary>
public abstract class IndicatorPagesTests(TestApp app) : DataTest(app)
{
    [Fact]
    public async Task The_page_shows_the_same_figures_as_the_api()
    {
        var tree = await App.TreeWithTasksAsync();
        var leader = await App.UserAsync(tree.Department, Roles.Leader);
        var client = App.ClientFor(leader);

        var html = await client.GetStringAsync("/Indicators?kind=Year&year=2026");
        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators?from=2026-01-01&to=2026-12-31")).RootElement;

        var onPage = IndicatorHtml.ValueCells().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var compared = 0;
        foreach (var i in api.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("available").GetBoolean()))
        {
            var code = i.GetProperty("code").GetString()!;
            var value = i.GetProperty("value");
            Assert.True(onPage.ContainsKey(code), $"{code} is not on the page");
            Assert.Equal(value.ValueKind == JsonValueKind.Null ? "" : value.GetDouble().ToString("R", CultureInfo.InvariantCulture), onPage[code]);
            compared++;
        }
        Assert.True(compared >= 10);
        Assert.Equal(200.0 / 3, double.Parse(onPage[IndicatorCodes.TaskCompletionRate], CultureInfo.InvariantCulture), 9);
        // The target's status is written out, not only coloured.
        Assert.Contains("Có nguy cơ không đạt", Forms.Decode(html));
        Assert.Contains("<svg class=\"chart sparkline\" role=\"img\"", html);
    }

    [Fact]
    public async Task The_ranking_lists_the_child_units_best_first_and_links_to_each()
    {
        var tree = await App.TreeWithTasksAsync();
        var leader = await App.UserAsync(tree.Department, Roles.Leader);

        var html = Forms.Decode(await App.ClientFor(leader).GetStringAsync("/Indicators?kind=Year&year=2026&rank=TASK_COMPLETION_RATE"));

        var rows = IndicatorHtml.RankingRows().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(tree.DistrictB.Code, rows[0]);   // 1/1
        Assert.Equal(tree.DistrictA.Code, rows[1]);   // 1/2
        Assert.Contains($"unit={tree.DistrictA.Code}", html);
        var district = Forms.Decode(await App.ClientFor(leader).GetStringAsync($"/Indicators?unit={tree.DistrictA.Code}&kind=Year&year=2026"));
        Assert.Contains(tree.SchoolA1.Name, district);
        Assert.DoesNotContain($"data-unit=\"{tree.SchoolB1.Code}\"", district);
    }

    [Fact]
    public async Task The_plan_page_shows_the_live_value_beside_the_target()
    {
        var tree = await App.TreeWithTasksAsync();
        var leader = await App.UserAsync(tree.Department, Roles.Leader);
        var planId = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Plans.Where(p => p.IssuingUnitId == tree.Department.Id).Select(p => p.Id)));

        var html = Forms.Decode(await App.ClientFor(leader).GetStringAsync($"/Plans/Details/{planId}"));

        Assert.Contains("Hệ thống tính:", html);
        Assert.Contains("66,67% (2/3)", html);
        Assert.Contains("Có nguy cơ không đạt", html);
    }

    [Fact]
    public async Task A_unit_outside_the_readers_subtree_is_not_found()
    {
        var tree = await App.TreeWithTasksAsync();
        var leaderA = await App.UserAsync(tree.DistrictA, Roles.Leader);
        var response = await App.ClientFor(leaderA).GetAsync($"/Indicators?unit={tree.DistrictB.Code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_overview_and_the_ranking_export_to_xlsx()
    {
        var tree = await App.TreeWithTasksAsync();
        var leader = await App.UserAsync(tree.Department, Roles.Leader);
        var client = App.ClientFor(leader);

        foreach (var handler in new[] { "Xlsx", "RankingXlsx" })
        {
            var response = await client.GetAsync($"/Indicators?kind=Year&year=2026&handler={handler}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var rows = Cchc.Web.Shared.Office.XlsxReader.ReadFirstSheet(new MemoryStream(bytes));
            Assert.Contains(rows, r => r.Any(c => c.Contains(handler == "Xlsx" ? "Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn" : tree.DistrictA.Name, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_specialist_enters_a_figure_with_its_evidence_and_the_overview_shows_it()
    {
        var tree = await App.TreeAsync();
        var specialist = await App.UserAsync(tree.DistrictA, Roles.Specialist);
        var client = App.ClientFor(specialist);
        var token = await Forms.TokenAsync(client, "/Indicators/Enter");

        MultipartFormDataContent Form(bool withFile)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(tree.DistrictA.Code), "Input.UnitCode" },
                { new StringContent(IndicatorCodes.StaffTrainedRate), "Input.Code" },
                { new StringContent("Year"), "Input.PeriodKind" },
                { new StringContent("2025"), "Input.PeriodYear" },
                { new StringContent("1"), "Input.PeriodNumber" },
                { new StringContent("45"), "Input.Numerator" },
                { new StringContent("60"), "Input.Denominator" },
                { new StringContent("Báo cáo số 15/BC-PGDĐT ngày 20/12/2025"), "Input.Note" },
            };
            if (withFile) form.Add(new ByteArrayContent("%PDF-1.7 danh sách bồi dưỡng"u8.ToArray()), "evidence", "danh-sach-boi-duong.pdf");
            return form;
        }

        var refused = Forms.Decode(await (await client.PostAsync("/Indicators/Enter", Form(false))).Content.ReadAsStringAsync());
        Assert.Contains("Cần đính kèm tệp tài liệu kiểm chứng.", refused);

        var saved = Forms.Decode(await (await client.PostAsync("/Indicators/Enter", Form(true))).Content.ReadAsStringAsync());
        Assert.Contains("Đã lưu", saved);
        Assert.Contains("danh-sach-boi-duong.pdf", saved);

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators?from=2025-01-01&to=2025-12-31")).RootElement;
        var staff = api.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == IndicatorCodes.StaffTrainedRate);
        Assert.Equal(75, staff.GetProperty("value").GetDouble());
        var records = Forms.Decode(await client.GetStringAsync($"/Indicators/Records?code={IndicatorCodes.StaffTrainedRate}&kind=Year&year=2025"));
        Assert.Contains("Báo cáo số 15/BC-PGDĐT", records);
    }

    [Fact]
    public async Task An_inspector_may_read_the_overview_but_not_enter_figures()
    {
        var tree = await App.TreeAsync();
        var inspector = await App.UserAsync(tree.Department, Roles.Inspector);
        var client = App.ClientFor(inspector);
        var overview = await client.GetAsync("/Indicators");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        // The section is built now (it was a "coming soon" page): the menu marks it current.
        Assert.Contains("<a href=\"/Indicators\" aria-current=\"page\">", await overview.Content.ReadAsStringAsync());
        var enter = await client.GetAsync("/Indicators/Enter");
        Assert.Equal(HttpStatusCode.Redirect, enter.StatusCode);
        Assert.Contains("/Account/AccessDenied", enter.Headers.Location!.OriginalString);
    }

}

public sealed class IndicatorPagesTestsOnSqlite(SqliteApp app) : IndicatorPagesTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorPagesTestsOnPostgres(PostgresApp app) : IndicatorPagesTests(app), IClassFixture<PostgresApp>;

/// <summary>The demo overview shows figures, marked demo (a class fixture of its own: the demo data is global).</summary>
public abstract class DemoIndicatorTests(TestApp app) : DataTest(app)
{
    [Fact]
    public async Task The_demo_overview_shows_computed_and_entered_figures_marked_demo()
    {
        await Cchc.Web.Features.Demo.DemoData.SeedAsync(App.Services);
        var leader = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.UserName == "demo.quantri"));
        var client = App.ClientFor(leader);

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators?unit=DEMO-SGD&from=2025-01-01&to=2025-12-31")).RootElement;
        double? V(string code) => api.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code)
            .GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

        Assert.NotNull(V(IndicatorCodes.TaskCompletionRate));
        Assert.NotNull(V(IndicatorCodes.ProcedureOnlineCoverage));
        Assert.NotNull(V(IndicatorCodes.EDocumentSignedRate));
        Assert.Equal(2, V(IndicatorCodes.BusinessDialoguesPerYear));
        var html = Forms.Decode(await client.GetStringAsync("/Indicators?unit=DEMO-SGD&kind=Year&year=2025"));
        Assert.Contains("Dữ liệu mẫu (demo).", html);

        // The Phòng GDĐT closed on 01/07/2025: its first half of 2025 holds its schools' tasks, and its ranking lists them.
        var district = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators?unit=DEMO-PGD-DS&from=2025-01-01&to=2025-06-30")).RootElement;
        var tasks = district.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == IndicatorCodes.TaskCompletionRate);
        Assert.Equal(2, tasks.GetProperty("denominator").GetDouble());
        var districtPage = Forms.Decode(await client.GetStringAsync("/Indicators?unit=DEMO-PGD-DS&kind=Half&year=2025&number=1"));
        Assert.Contains("data-unit=\"DEMO-TH-DS\"", districtPage);
    }
}

public sealed class DemoIndicatorTestsOnSqlite(SqliteApp app) : DemoIndicatorTests(app), IClassFixture<SqliteApp>;

public sealed class DemoIndicatorTestsOnPostgres(PostgresApp app) : DemoIndicatorTests(app), IClassFixture<PostgresApp>;
