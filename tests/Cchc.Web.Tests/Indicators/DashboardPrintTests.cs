using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cchc.Core.Access;
using Cchc.Core.Indicators;
using Cchc.Core.Plans;
using Cchc.Web.Tests.Infrastructure;
using Cchc.Web.Tests.Security;
using Proc = Cchc.Core.Procedures;

namespace Cchc.Web.Tests.Indicators;

/// <summary>
/// The overview as a document: the PDF read back with pdftotext (Vietnamese exactly, every figure equal to the
/// API's) and the print view (header with unit, period, filter and date of printing; the same figures).
/// Today is 02/03/2026 09:00 in Hà Nội (the test clock).
/// </summary>
public abstract partial class DashboardPrintTests(TestApp app) : DataTest(app)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private async Task<TestTree> DataAsync()
    {
        var tree = await App.TreeWithTasksAsync(new Target(IndicatorCodes.ProcedureOnlineCoverage, null, Comparator.AtLeast, 80, "%", 2026));
        foreach (var (field, level) in new[] { ("Thi, tuyển sinh", Proc.OnlineLevel.Full), ("Thi, tuyển sinh", Proc.OnlineLevel.None), ("Giáo dục trung học", Proc.OnlineLevel.Partial) })
            await App.InsertAsync(new Proc.Procedure(Make.UniqueCode("TT"), new Proc.ProcedureDetails("Phúc khảo bài thi tốt nghiệp trung học phổ thông", field,
                Proc.CompetentLevel.Department, tree.Office.Id, Cchc.Core.Dossiers.ProcessingTime.WorkingDays(5), null, null, level, true, false, false,
                Proc.IsoProcess.Iso, true, false, new DateOnly(2024, 1, 1), null)));
        return tree;
    }

    /// <summary>The text of the PDF in drawing order, every run of white space one space (cells wrap their words).</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf) => Spaces().Replace(await Poppler.TextAsync(pdf, raw: true), " ");

    /// <summary>A value as the overview writes it (vi-VN, two decimals at most, its unit).</summary>
    private static string ValueText(JsonElement value, IndicatorKind kind)
    {
        if (value.ValueKind == JsonValueKind.Null) return "Chưa có số liệu";
        var n = value.GetDouble().ToString("#,##0.##", Vi);
        return kind switch
        {
            IndicatorKind.Rate => n + "%",
            IndicatorKind.Minutes => n + " phút",
            IndicatorKind.Count => n + " lần",
            IndicatorKind.Rank => "hạng " + n,
            _ => n + " điểm",
        };
    }

    [Fact]
    public async Task The_pdf_holds_the_header_in_Vietnamese_and_every_figure_of_the_api()
    {
        var tree = await DataAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.Leader));

        var response = await client.GetAsync("/Indicators/Print?handler=Pdf&kind=Year&year=2026&rank=TASK_COMPLETION_RATE");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"chi-so-{tree.Department.Code}-2026-01-01-2026-12-31.pdf", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", text);
        Assert.Contains("Đơn vị: Sở GDĐT thử – gồm các đơn vị trực thuộc theo cơ cấu tổ chức tại thời điểm phát sinh số liệu", text);
        Assert.Contains("Kỳ: Năm 2026 (01/01/2026 – 31/12/2026); số liệu đến ngày 02/03/2026", text);
        Assert.Contains("Bộ lọc: không (mọi lĩnh vực, mọi thủ tục).", text);
        Assert.Contains("Ngày in: 02/03/2026 09:00", text);

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators?from=2026-01-01&to=2026-12-31")).RootElement;
        var compared = 0;
        foreach (var i in api.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("available").GetBoolean()))
        {
            var code = i.GetProperty("code").GetString()!;
            var kind = Enum.Parse<IndicatorKind>(i.GetProperty("kind").GetString()!);
            var value = ValueText(i.GetProperty("value"), kind);
            // Name, code, value and numerator / denominator: the cells of one row, in order.
            var row = $"{i.GetProperty("name").GetString()} {code} {value}";
            if (kind != IndicatorKind.Count && i.GetProperty("denominator") is { ValueKind: JsonValueKind.Number } d && d.GetDouble() > 0)
                row += $" {i.GetProperty("numerator").GetDouble().ToString("#,##0.##", Vi)} / {d.GetDouble().ToString("#,##0.##", Vi)}";
            Assert.Contains(row, text);
            foreach (var t in i.GetProperty("targets").EnumerateArray())
                Assert.Contains($"{t.GetProperty("statusName").GetString()}: {t.GetProperty("description").GetString()!.Replace("≥ ", "tối thiểu ")}", text);
            compared++;
        }
        Assert.True(compared >= 10);
        Assert.Contains("Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn TASK_COMPLETION_RATE 66,67% 2 / 3 Có nguy cơ không đạt: tối thiểu 100 % (Năm 2026; Kế hoạch 9/KH-SGDĐT) – giá trị năm 2026: 66,67%", text);
        Assert.Contains("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến (một phần, toàn trình) PROCEDURE_ONLINE_COVERAGE 66,67% 2 / 3", text);

        // The ranking, each unit's figure as the API gives it for that unit.
        Assert.Contains("Xếp hạng các đơn vị trực thuộc theo: Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn", text);
        foreach (var (rank, unit) in new[] { ("1", tree.DistrictB), ("2", tree.DistrictA) })
        {
            var figure = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/indicators?unit={unit.Code}&from=2026-01-01&to=2026-12-31")).RootElement
                .GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == IndicatorCodes.TaskCompletionRate);
            Assert.Contains($"{rank} {unit.Name} {ValueText(figure.GetProperty("value"), IndicatorKind.Rate)} {figure.GetProperty("numerator").GetDouble():0} / {figure.GetProperty("denominator").GetDouble():0}", text);
        }
        Assert.Contains($"– {tree.Office.Name} Chưa có số liệu", text);
        Assert.Contains("Chỉ số chờ nguồn dữ liệu", text);
    }

    [Fact]
    public async Task A_filtered_pdf_names_its_filter_and_marks_the_indicators_it_acts_on()
    {
        var tree = await DataAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.Leader));
        var field = Uri.EscapeDataString("Thi, tuyển sinh");

        var text = await PdfTextAsync(await client.GetByteArrayAsync($"/Indicators/Print?handler=Pdf&kind=Year&year=2026&field={field}"));

        Assert.Contains("Bộ lọc: lĩnh vực Thi, tuyển sinh.", text);
        Assert.Contains("Bộ lọc chỉ áp dụng cho các chỉ số tính từ danh mục thủ tục hành chính và hồ sơ (đánh dấu (*)); các chỉ số khác và việc đánh giá chỉ tiêu kế hoạch tính trên toàn bộ số liệu, không lọc.", text);
        var api = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/indicators?from=2026-01-01&to=2026-12-31&field={field}")).RootElement;
        var coverage = api.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == IndicatorCodes.ProcedureOnlineCoverage);
        Assert.Equal(50, coverage.GetProperty("value").GetDouble());
        Assert.Contains("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến (một phần, toàn trình) (*) PROCEDURE_ONLINE_COVERAGE 50% 1 / 2", text);
        // Tasks are not per procedure: unmarked, unfiltered.
        Assert.Contains("Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn TASK_COMPLETION_RATE 66,67% 2 / 3", text);
    }

    [Fact]
    public async Task The_print_view_is_a_whole_document_headed_by_unit_period_and_date_of_printing()
    {
        var tree = await DataAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.Leader));

        var html = await client.GetStringAsync("/Indicators/Print?kind=Quarter&year=2026&number=1");
        var text = Forms.Decode(html);

        Assert.DoesNotContain("class=\"top\"", html);                   // no menu: a document, not the app
        Assert.Contains("<h1>CHỈ SỐ CẢI CÁCH HÀNH CHÍNH</h1>", text);
        Assert.Contains("Đơn vị: Sở GDĐT thử", text);
        Assert.Contains("Kỳ: Quý I/2026 (01/01/2026 – 31/03/2026); số liệu đến ngày 02/03/2026", text);
        Assert.Contains("Ngày in: 02/03/2026 09:00", text);
        Assert.Contains("@page { size: A4 landscape;", text);
        Assert.Contains("Có nguy cơ không đạt: ", text);
        Assert.Contains($"<tr data-unit=\"{tree.DistrictA.Code}\">", text);
        Assert.Contains("/Indicators/Print?kind=Quarter&year=2026&number=1&handler=Pdf", text);

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators?from=2026-01-01&to=2026-03-31")).RootElement;
        var printed = PrintedValues().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        foreach (var i in api.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("available").GetBoolean()))
        {
            var value = i.GetProperty("value");
            Assert.Equal(value.ValueKind == JsonValueKind.Null ? "" : value.GetDouble().ToString("R", CultureInfo.InvariantCulture), printed[i.GetProperty("code").GetString()!]);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<tr data-code=\"([A-Z_]+)\">.*?data-value=\"([^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex PrintedValues();
}

public sealed class DashboardPrintTestsOnSqlite(SqliteApp app) : DashboardPrintTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardPrintTestsOnPostgres(PostgresApp app) : DashboardPrintTests(app), IClassFixture<PostgresApp>;
