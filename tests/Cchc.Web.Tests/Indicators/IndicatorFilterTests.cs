using System.Globalization;
using System.Net;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Indicators;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Cchc.Web.Features.Units;
using Cchc.Web.Tests.Infrastructure;
using Cchc.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Proc = Cchc.Core.Procedures;

namespace Cchc.Web.Tests.Indicators;

/// <summary>
/// The field (lĩnh vực) and procedure filters: exact procedure coverage under each filter, the same figures on
/// the page, the API, the drill-down, the ranking and the exports, Vietnamese refusals of unknown values; and
/// the ranking of a closed Phòng GDĐT (its schools as they were, only their time under it).
/// </summary>
public abstract class IndicatorFilterTests(TestApp app) : DataTest(app)
{
    private const string Exams = "Thi, tuyển sinh";
    private const string Diplomas = "Văn bằng, chứng chỉ";

    private sealed record Catalogue(TestTree Tree, string ExamsFull, string ExamsNone, string DiplomaPartial, string DistrictExamsFull, string SiblingOnly);

    /// <summary>
    /// In force on 31/12/2025, public services: the office has Thi (toàn trình, không), Văn bằng (một phần) and an
    /// internal one; District A has Thi (toàn trình); District B has its own Văn bằng procedure (không).
    /// </summary>
    private async Task<Catalogue> CatalogueAsync()
    {
        var tree = await App.TreeAsync();
        async Task<string> AddAsync(Unit owner, string field, Proc.OnlineLevel level, bool inter = false)
        {
            var p = await App.InsertAsync(new Proc.Procedure(Make.UniqueCode("TT"), new Proc.ProcedureDetails($"Thủ tục {field} {level}", field, Proc.CompetentLevel.Department, owner.Id,
                Cchc.Core.Dossiers.ProcessingTime.WorkingDays(5), null, null, level, false, false, false, Proc.IsoProcess.None, !inter, inter, new DateOnly(2024, 1, 1), null)));
            return p.Code;
        }
        var examsFull = await AddAsync(tree.Office, Exams, Proc.OnlineLevel.Full);
        var examsNone = await AddAsync(tree.Office, Exams, Proc.OnlineLevel.None);
        var diploma = await AddAsync(tree.Office, Diplomas, Proc.OnlineLevel.Partial);
        await AddAsync(tree.Office, Diplomas, Proc.OnlineLevel.None, inter: true);   // internal: never counted
        var district = await AddAsync(tree.DistrictA, Exams, Proc.OnlineLevel.Full);
        var sibling = await AddAsync(tree.DistrictB, Diplomas, Proc.OnlineLevel.None);
        return new Catalogue(tree, examsFull, examsNone, diploma, district, sibling);
    }

    private async Task<JsonElement> ApiAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/indicators?from=2025-01-01&to=2025-12-31&" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Indicator(JsonElement root, string code) =>
        root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static (double? Value, double Numerator, double Denominator) Figure(JsonElement root, string code)
    {
        var i = Indicator(root, code);
        return (i.GetProperty("value").ValueKind == JsonValueKind.Null ? null : i.GetProperty("value").GetDouble(),
            i.GetProperty("numerator").GetDouble(), i.GetProperty("denominator").GetDouble());
    }

    [Fact]
    public async Task Procedure_coverage_counts_only_the_procedures_that_pass_the_filter()
    {
        var c = await CatalogueAsync();
        var client = App.ClientFor(await App.UserAsync(c.Tree.Department, Roles.Leader));
        var online = IndicatorCodes.ProcedureOnlineCoverage;

        // District B's procedure counts for the department too: 3 of the 5 public ones are online.
        Assert.Equal((60.0, 3.0, 5.0), Figure(await ApiAsync(client, ""), online));
        var exams = await ApiAsync(client, "field=" + Uri.EscapeDataString(Exams));
        Assert.Equal((2.0 / 3 * 100, 2.0, 3.0), Figure(exams, online));
        Assert.Equal(Exams, exams.GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, exams.GetProperty("procedure").ValueKind);
        Assert.Equal((50.0, 1.0, 2.0), Figure(await ApiAsync(client, "field=" + Uri.EscapeDataString(Diplomas)), online));
        // The code as the catalogue writes it, whatever its case in the request.
        var one = await ApiAsync(client, "procedure=" + c.ExamsNone.ToLowerInvariant());
        Assert.Equal((0.0, 0.0, 1.0), Figure(one, online));
        Assert.Equal(c.ExamsNone, one.GetProperty("procedure").GetString());
        Assert.Equal((100.0, 1.0, 1.0), Figure(await ApiAsync(client, $"field={Uri.EscapeDataString(Exams)}&procedure={c.ExamsFull}"), online));

        // The filter acts on procedure and dossier indicators only, and says so.
        Assert.True(Indicator(exams, online).GetProperty("filtered").GetBoolean());
        Assert.False(Indicator(exams, IndicatorCodes.TaskCompletionRate).GetProperty("filtered").GetBoolean());
        Assert.False(Indicator(await ApiAsync(client, ""), online).GetProperty("filtered").GetBoolean());
    }

    [Fact]
    public async Task The_drill_down_and_the_ranking_follow_the_filter()
    {
        var c = await CatalogueAsync();
        var leader = await App.UserAsync(c.Tree.Department, Roles.Leader);
        var client = App.ClientFor(leader);
        var field = Uri.EscapeDataString(Exams);

        var records = Forms.Decode(await client.GetStringAsync($"/Indicators/Records?code={IndicatorCodes.ProcedureOnlineCoverage}&kind=Year&year=2025&field={field}"));
        Assert.Contains(c.ExamsNone, records);
        Assert.DoesNotContain(c.SiblingOnly, records);        // lacking online too, but of the other field
        Assert.Contains("Đang lọc: lĩnh vực Thi, tuyển sinh.", records);
        Assert.Contains("chỉ gồm các thủ tục, hồ sơ thuộc bộ lọc", records);
        var unfiltered = Forms.Decode(await client.GetStringAsync($"/Indicators/Records?code={IndicatorCodes.ProcedureOnlineCoverage}&kind=Year&year=2025"));
        Assert.Contains(c.SiblingOnly, unfiltered);
        var tasks = Forms.Decode(await client.GetStringAsync($"/Indicators/Records?code={IndicatorCodes.TaskCompletionRate}&kind=Year&year=2025&field={field}"));
        Assert.Contains("không áp dụng bộ lọc", tasks);

        var ranking = await App.WithServicesAsync(async sp =>
        {
            var engine = sp.GetRequiredService<Cchc.Web.Features.Indicators.IndicatorEngine>();
            var scope = await engine.ScopeAsync(IndicatorHtml.Caller(leader, c.Tree.Department, Roles.Leader),
                new Cchc.Web.Features.Indicators.IndicatorQuery(null, true, ReportingPeriod.Year(2025), Exams), CancellationToken.None);
            return await sp.GetRequiredService<Cchc.Web.Features.Indicators.IndicatorReports>().RankingAsync(scope!, IndicatorCodes.ProcedureOnlineCoverage, CancellationToken.None);
        });
        var rows = ranking!.Rows.ToDictionary(r => r.Unit.Code, r => (r.Figure.Value.Value, r.Figure.Value.Denominator));
        Assert.Equal((100.0, 1.0), rows[c.Tree.DistrictA.Code]);
        Assert.Equal((50.0, 2.0), rows[c.Tree.Office.Code]);
        Assert.Equal((null, 0.0), rows[c.Tree.DistrictB.Code]);   // its only procedure is of the other field

        // The page's ranking carries the filter, like the API's figure for each unit.
        var page = Forms.Decode(await client.GetStringAsync($"/Indicators?kind=Year&year=2025&field={field}&rank={IndicatorCodes.ProcedureOnlineCoverage}"));
        var api = await ApiAsync(client, $"unit={c.Tree.Office.Code}&field={field}");
        Assert.Matches($"<tr data-unit=\"{c.Tree.DistrictA.Code}\">\\s*<td>1</td>", page);
        Assert.Matches($"<tr data-unit=\"{c.Tree.Office.Code}\">\\s*<td>2</td>", page);
        Assert.Contains($"data-value=\"{Figure(api, IndicatorCodes.ProcedureOnlineCoverage).Value!.Value.ToString("R", CultureInfo.InvariantCulture)}\">50%</td>", page);
    }

    [Fact]
    public async Task The_page_shows_the_same_filtered_figures_as_the_api_and_says_what_the_filter_acts_on()
    {
        var c = await CatalogueAsync();
        var client = App.ClientFor(await App.UserAsync(c.Tree.Department, Roles.Leader));
        var field = Uri.EscapeDataString(Exams);

        var html = await client.GetStringAsync($"/Indicators?kind=Year&year=2025&field={field}");
        var api = await ApiAsync(client, "field=" + field);

        var onPage = IndicatorHtml.ValueCells().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        foreach (var i in api.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("available").GetBoolean()))
        {
            var value = i.GetProperty("value");
            Assert.Equal(value.ValueKind == JsonValueKind.Null ? "" : value.GetDouble().ToString("R", CultureInfo.InvariantCulture), onPage[i.GetProperty("code").GetString()!]);
        }
        var text = Forms.Decode(html);
        Assert.Contains("Đang lọc: lĩnh vực Thi, tuyển sinh.", text);
        Assert.Contains("Bộ lọc chỉ áp dụng cho các chỉ số tính từ danh mục thủ tục hành chính và hồ sơ", text);
        Assert.Contains("(*) theo bộ lọc", text);
        Assert.Contains("(không áp dụng bộ lọc)", text);
        // The dropdowns list the visible catalogue's fields and procedures; the chosen ones are selected.
        Assert.Contains($"<option value=\"{Exams}\" selected=\"selected\">{Exams}</option>", text);
        Assert.Contains($"<option value=\"{Diplomas}\">{Diplomas}</option>", text);
        Assert.Contains($"<option value=\"{c.DistrictExamsFull}\">", text);
        // Links keep the filter (exports, print, PDF).
        Assert.Contains($"/Indicators/Print?unit={c.Tree.Department.Code}&amp;kind=Year&amp;year=2025&amp;field={field}&amp;handler=Pdf", html);

        var xlsx = await client.GetAsync($"/Indicators?kind=Year&year=2025&field={field}&handler=Xlsx");
        var rows = Cchc.Web.Shared.Office.XlsxReader.ReadFirstSheet(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Contains(rows, r => r.Any(x => x.StartsWith("Bộ lọc: lĩnh vực Thi, tuyển sinh", StringComparison.Ordinal)));
        var coverage = rows.Single(r => r.Length > 0 && r[0] == IndicatorCodes.ProcedureOnlineCoverage);
        Assert.Equal(Math.Round(2.0 / 3 * 100, 2), double.Parse(coverage[2], CultureInfo.InvariantCulture));
        Assert.Equal("có", coverage[8]);
    }

    [Fact]
    public async Task A_plan_target_keeps_its_status_whatever_the_filter()
    {
        var c = await CatalogueAsync();
        var plan = new Plan(c.Tree.Department.Id, "Kế hoạch CCHC năm 2025", 2025, 2025);
        plan.AddTarget(new Target(IndicatorCodes.ProcedureOnlineCoverage, null, Comparator.AtLeast, 80, "%", 2025));
        plan.Issue("3/KH-SGDĐT", new DateOnly(2025, 1, 5));
        await App.InsertAsync(plan);
        var client = App.ClientFor(await App.UserAsync(c.Tree.Department, Roles.Leader));

        JsonElement Target(JsonElement root) => Indicator(root, IndicatorCodes.ProcedureOnlineCoverage).GetProperty("targets").EnumerateArray().Single();
        var whole = Target(await ApiAsync(client, ""));
        var filtered = Target(await ApiAsync(client, "procedure=" + c.ExamsFull));

        Assert.Equal(60, whole.GetProperty("value").GetDouble());
        Assert.Equal("Missed", whole.GetProperty("status").GetString());
        Assert.Equal(whole.GetRawText(), filtered.GetRawText());
    }

    [Theory]
    [InlineData("field=Lĩnh vực không có", "field", "Lĩnh vực “Lĩnh vực không có” không có trong danh mục thủ tục hành chính bạn được xem.")]
    [InlineData("procedure=KHONG.CO.MA", "procedure", "Không có thủ tục mã “KHONG.CO.MA” trong danh mục thủ tục hành chính bạn được xem.")]
    public async Task Unknown_fields_and_procedures_are_refused_in_Vietnamese(string query, string key, string message)
    {
        var c = await CatalogueAsync();
        var client = App.ClientFor(await App.UserAsync(c.Tree.Department, Roles.Leader));

        var response = await client.GetAsync("/api/v1/indicators?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Dữ liệu nhập không hợp lệ", json.GetProperty("title").GetString());
        Assert.Equal(message, json.GetProperty("errors").GetProperty(key)[0].GetString());

        // The page says it and shows the whole figures (the same as the API without the filter), not an empty view.
        var html = await client.GetStringAsync("/Indicators?kind=Year&year=2025&" + query);
        Assert.Contains(message, Forms.Decode(html));
        Assert.DoesNotContain("Đang lọc:", Forms.Decode(html));
        var whole = await ApiAsync(client, "");
        Assert.Contains($"data-value=\"{Figure(whole, IndicatorCodes.ProcedureOnlineCoverage).Value!.Value.ToString("R", CultureInfo.InvariantCulture)}\"", html);

        // The files are not written with other figures than asked.
        foreach (var file in new[] { "/Indicators?handler=Xlsx&", "/Indicators?handler=RankingXlsx&", "/Indicators/Print?handler=Pdf&" })
        {
            var refused = await client.GetAsync(file + query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.StartsWith("text/html", refused.Content.Headers.ContentType!.ToString());
            Assert.Contains(message, Forms.Decode(await refused.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task A_procedure_of_another_field_or_outside_the_readers_view_is_refused()
    {
        var c = await CatalogueAsync();
        var leaderA = App.ClientFor(await App.UserAsync(c.Tree.DistrictA, Roles.Leader));

        // District B's procedure exists, but not for District A's leader: the same answer as an unknown code.
        var outside = await leaderA.GetAsync($"/api/v1/indicators?procedure={c.SiblingOnly}");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains($"Không có thủ tục mã “{c.SiblingOnly}”", await outside.Content.ReadAsStringAsync());

        var dept = App.ClientFor(await App.UserAsync(c.Tree.Department, Roles.Leader));
        var mismatch = await dept.GetAsync($"/api/v1/indicators?field={Uri.EscapeDataString(Diplomas)}&procedure={c.ExamsFull}");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var json = JsonDocument.Parse(await mismatch.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"Thủ tục {c.ExamsFull} thuộc lĩnh vực “{Exams}”, không thuộc lĩnh vực “{Diplomas}”.", json.GetProperty("errors").GetProperty("procedure")[0].GetString());

        // Errors of the period and of the filter come together.
        var both = JsonDocument.Parse(await (await dept.GetAsync("/api/v1/indicators?from=2025-13-01&field=X")).Content.ReadAsStringAsync()).RootElement;
        Assert.True(both.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(both.GetProperty("errors").TryGetProperty("field", out _));
    }

    [Fact]
    public async Task A_closed_district_ranks_the_schools_it_had_counting_only_their_time_under_it()
    {
        // 01/07/2025: District A's schools move to a commune and District A closes (docs/organisation.md).
        var tree = await App.TreeAsync();
        var commune = await App.UnitAsync(tree.Department, UnitType.CommuneCultureSociety, "Phòng Văn hóa – Xã hội xã thử");
        var admin = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var system = IndicatorHtml.Caller(admin, tree.Department, Roles.SystemAdmin);
        await App.WithServicesAsync(async sp =>
        {
            var organise = sp.GetRequiredService<OrganiseUnits>();
            foreach (var school in new[] { tree.SchoolA1, tree.SchoolA2 })
                await organise.MoveAsync(system, school.Code, null, commune.Code, new DateOnly(2025, 7, 1), CancellationToken.None);
            return await organise.CloseAsync(system, tree.DistrictA.Code, null, commune.Code, new DateOnly(2025, 7, 1), CancellationToken.None);
        });
        var plan = new Plan(tree.Department.Id, "Kế hoạch CCHC năm 2025", 2025, 2025);
        void Add(string n, string deadline, Unit lead, DateOnly? done) => IndicatorData.AddTask(plan, n, deadline, 2025, lead.Id, done);
        Add("1", "Quý I/2025", tree.SchoolA1, new DateOnly(2025, 3, 20));
        Add("2", "Quý III/2025", tree.SchoolA1, null);                       // under the commune by then
        Add("3", "Quý II/2025", tree.SchoolA2, new DateOnly(2025, 7, 10));    // done late
        Add("4", "Quý I/2025", tree.SchoolB1, new DateOnly(2025, 3, 1));
        plan.Issue("4/KH-SGDĐT", new DateOnly(2025, 1, 5));
        await App.InsertAsync(plan);
        var leader = await App.UserAsync(tree.DistrictA, Roles.Leader);
        var client = App.ClientFor(leader);

        Assert.Equal((50.0, 1.0, 2.0), Figure(await ApiAsync(client, ""), IndicatorCodes.TaskCompletionRate));
        var ranking = await App.WithServicesAsync(async sp =>
        {
            var engine = sp.GetRequiredService<Cchc.Web.Features.Indicators.IndicatorEngine>();
            var scope = await engine.ScopeAsync(IndicatorHtml.Caller(leader, tree.DistrictA, Roles.Leader),
                new Cchc.Web.Features.Indicators.IndicatorQuery(null, true, ReportingPeriod.Year(2025)), CancellationToken.None);
            return await sp.GetRequiredService<Cchc.Web.Features.Indicators.IndicatorReports>().RankingAsync(scope!, IndicatorCodes.TaskCompletionRate, CancellationToken.None);
        });
        // Its schools as they were on 30/06/2025; school A1's September task is the commune's, not District A's.
        Assert.Equal([(tree.SchoolA1.Code, 100.0, 1.0), (tree.SchoolA2.Code, 0.0, 1.0)],
            ranking!.Rows.Select(r => (r.Unit.Code, r.Figure.Value.Value!.Value, r.Figure.Value.Denominator!.Value)).ToArray());
        // They are no longer in the leader's subtree: named, not linked to an overview the leader cannot open.
        Assert.All(ranking.Rows, r => Assert.False(r.Linked));

        var html = Forms.Decode(await client.GetStringAsync("/Indicators?kind=Year&year=2025"));
        Assert.Equal([tree.SchoolA1.Code, tree.SchoolA2.Code], IndicatorHtml.RankingRows().Matches(html).Select(m => m.Groups[1].Value).ToArray());
        Assert.DoesNotContain($"unit={tree.SchoolA1.Code}", html);
        Assert.DoesNotContain(tree.SchoolB1.Name, html);
        Assert.Contains("Đơn vị không có liên kết nay không thuộc phạm vi của bạn", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Indicators?unit={tree.SchoolA1.Code}")).StatusCode);
    }

}

public sealed class IndicatorFilterTestsOnSqlite(SqliteApp app) : IndicatorFilterTests(app), IClassFixture<SqliteApp>;

public sealed class IndicatorFilterTestsOnPostgres(PostgresApp app) : IndicatorFilterTests(app), IClassFixture<PostgresApp>;
