using System.Net;
using System.Net.Http.Headers;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Core.PlanImport;
using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Plans.Document;
using Cchc.Web.Features.Plans.Spreadsheet;
using Cchc.Web.Shared.Office;
using Cchc.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Plans;

public abstract class PlanSpreadsheetTests(TestApp app) : DataTest(app)
{
    private const string Seed003 = "003_8a3eb3d91dcc6825";

    private sealed record HaiPhong(Unit Department, Unit Office, AppUser Specialist, CurrentUser Current);

    /// <summary>Seed 003's department with the offices its appendix names (one spelt with other capitals, to match without case).</summary>
    private async Task<HaiPhong> HaiPhongAsync()
    {
        var dept = await App.UnitAsync(null, UnitType.Department, "Sở Giáo dục và Đào tạo Hải Phòng");
        var office = await App.UnitAsync(dept, UnitType.DepartmentOffice, "Văn phòng");
        await App.UnitAsync(dept, UnitType.DepartmentOffice, "Phòng Tổ chức Cán bộ");
        await App.UnitAsync(dept, UnitType.DepartmentOffice, "Thanh tra");
        await App.UnitAsync(dept, UnitType.DepartmentOffice, "Phòng Kế hoạch - Tài chính");
        var user = await App.UserAsync(dept, Roles.Specialist);
        return new(dept, office, user, new CurrentUser(user.Id, user.FullName, dept.Id, dept.Path, new HashSet<string> { Roles.Specialist }));
    }

    /// <summary>
    /// Seed 003's appendix as a department would keep it in Excel: its own headers, a group row per reform
    /// area, one row per task, and rows 17–20 with the product and deadline columns swapped as on paper.
    /// </summary>
    private static (byte[] Sheet, IReadOnlyList<ImportedTask> Rows) Seed003Sheet()
    {
        var imported = PlanImporter.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Plans", "Seeds", Seed003 + ".txt")));
        var table = new XlsxTable("Phụ lục", ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian hoàn thành"]);
        table.Titles.Add("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2022");
        string? area = null;
        var n = 0;
        foreach (var t in imported.Tasks)
        {
            if (t.Area != area && t.Area is not null)
            {
                table.AddGroup(PlanTaskSheet.Roman(++n), ReformAreaNames.NameOf(t.Area));
                area = t.Area;
            }
            var deadline = string.Join("\n", t.Deadlines.Select(d => d.Text));
            var swapped = t.Number is "17" or "18" or "19" or "20";
            table.Add(t.Number, t.Content, string.Join(", ", t.Lead), string.Join(", ", t.Partners),
                swapped ? deadline : t.Product ?? "", swapped ? t.Product ?? "" : deadline);
        }
        return (table.ToBytes(), imported.Tasks);
    }

    private Task<TaskSheetResult> ImportAsync(CurrentUser user, int planId, byte[] sheet) =>
        App.WithServicesAsync(sp => sp.GetRequiredService<PlanTaskSheet>().ImportAsync(user, planId, new MemoryStream(sheet), CancellationToken.None));

    private Task<Plan> PlanWithTasksAsync(int id) =>
        App.WithDbAsync(db => db.Plans.AsNoTracking().Include(p => p.Tasks).SingleAsync(p => p.Id == id));

    private static object Data(PlanTask t) => new
    {
        t.Number, t.Content, t.Area, t.LeadUnitId, Partners = string.Join(",", t.PartnerUnitIds), t.LeadText, t.PartnersText,
        t.ProductType, t.Requirement, Deadlines = string.Join(" | ", t.Deadlines.Select(d => $"{d.Text} {d.From} {d.Due}")),
    };

    [Fact]
    public async Task Seed_003s_appendix_entered_by_spreadsheet_gives_its_38_tasks_and_survives_export_and_import_unchanged()
    {
        var hp = await HaiPhongAsync();
        var plan = await App.InsertAsync(new Plan(hp.Department.Id, "Thực hiện công tác cải cách hành chính nhà nước năm 2022", 2022, 2022));
        var (sheet, rows) = Seed003Sheet();

        var result = await ImportAsync(hp.Current, plan.Id, sheet);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(38, result.Imported);
        var stored = (await PlanWithTasksAsync(plan.Id)).Tasks.ToDictionary(t => t.Number);
        Assert.Equal(38, stored.Count);
        foreach (var row in rows)
        {
            var task = stored[row.Number];
            Assert.Equal(row.Content, task.Content);
            Assert.Equal(row.Area, task.Area);
            Assert.Equal(string.Join(", ", row.Lead), task.LeadText);
            Assert.Equal(row.Partners.Count == 0 ? null : string.Join(", ", row.Partners), task.PartnersText);
            Assert.Equal(row.Product, task.ProductType);
            Assert.Equal(row.Deadlines.Select(d => d.Due), task.Deadlines.Select(d => d.Due));
            Assert.NotNull(task.LeadText);
            Assert.NotEmpty(task.Deadlines);
        }
        // "Văn phòng" is a unit of the tree: matched; "UBND quận, huyện" is not: kept as words, with a warning.
        Assert.Equal(hp.Office.Id, stored.Values.First(t => t.LeadText == "Văn phòng").LeadUnitId);
        // "Phòng Tổ chức cán bộ" names the unit "Phòng Tổ chức Cán bộ": matched without case.
        Assert.All(stored.Values.Where(t => t.LeadText == "Phòng Tổ chức cán bộ"), t => Assert.NotNull(t.LeadUnitId));
        Assert.Contains(result.Warnings, w => w.Column == "Thời gian" && w.Message.Contains("đổi chỗ"));
        Assert.Contains(result.Warnings, w => w.Message.Contains("không khớp đơn vị"));

        var exported = await App.WithServicesAsync(sp => sp.GetRequiredService<PlanFiles>().TasksXlsxAsync(hp.Current, plan.Id, CancellationToken.None));
        var copy = await App.InsertAsync(new Plan(hp.Department.Id, "Bản sao", 2022, 2022));
        var again = await ImportAsync(hp.Current, copy.Id, exported!.Content);

        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        var first = stored.Values.OrderBy(t => t.Number).Select(Data).ToList();
        var second = (await PlanWithTasksAsync(copy.Id)).Tasks.OrderBy(t => t.Number).Select(Data).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_sheet_with_one_wrong_row_imports_nothing()
    {
        var hp = await HaiPhongAsync();
        var plan = await App.InsertAsync(new Plan(hp.Department.Id, "Kế hoạch CCHC năm 2022", 2022, 2022));
        var table = new XlsxTable("Phụ lục", ["TT", "Nội dung", "Đơn vị chủ trì", "Phối hợp", "Sản phẩm", "Thời gian"]);
        table.Add(1, "Xây dựng kế hoạch", "Văn phòng", "", "Kế hoạch", "Tháng 01/2022");
        table.Add(2, "", "Văn phòng", "", "Báo cáo", "Quý I/2022");

        var result = await ImportAsync(hp.Current, plan.Id, table.ToBytes());

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "Nội dung"), (error.Row, error.Column));
        Assert.Empty((await PlanWithTasksAsync(plan.Id)).Tasks);
    }

    [Fact]
    public async Task The_api_downloads_the_sheet_and_the_document_and_imports_with_an_api_key()
    {
        var hp = await HaiPhongAsync();
        var plan = new Plan(hp.Department.Id, "Thực hiện công tác cải cách hành chính nhà nước năm 2022", 2022, 2022);
        plan.SetBases(["Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;"]);
        plan.SetPurpose("Nâng cao chất lượng giải quyết thủ tục hành chính.", "Bám sát nhiệm vụ trọng tâm của ngành.");
        plan.SetChildPlanDue(new DateOnly(2022, 2, 25));
        var task = plan.AddTask(new PlanTask("1", "Rà soát, đơn giản hóa thủ tục hành chính", "PROCEDURES", DeadlineParser.Parse("Quý II/2022", 2022)));
        task.Edit("1", task.Content, task.Area, "Báo cáo", null);
        task.Assign(hp.Office.Id, []);
        await App.InsertAsync(plan);
        var client = await ApiKeyClientAsync(hp.Department, Roles.Specialist);

        var xlsx = await client.GetAsync($"/api/v1/plans/{plan.Id}/tasks.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = XlsxReader.ReadFirstSheet(await xlsx.Content.ReadAsStreamAsync());
        Assert.Contains(rows, r => r is ["I", "Cải cách thủ tục hành chính", ..]);
        Assert.Contains(rows, r => r.Length >= 6 && r[1] == "Rà soát, đơn giản hóa thủ tục hành chính" && r[2] == "Văn phòng" && r[5] == "Quý II/2022");

        var docx = await client.GetAsync($"/api/v1/plans/{plan.Id}.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(DocxBuilder.ContentType, docx.Content.Headers.ContentType!.MediaType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", paragraphs);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", paragraphs);
            Assert.Contains("SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG", paragraphs);
            Assert.Contains("KẾ HOẠCH", paragraphs);
            Assert.Contains("Thực hiện công tác cải cách hành chính nhà nước năm 2022", paragraphs);
            Assert.Contains("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;", paragraphs);
            Assert.Contains("I. MỤC ĐÍCH, YÊU CẦU", paragraphs);
            Assert.Contains("1. Cải cách thủ tục hành chính", paragraphs);
            Assert.Contains(paragraphs, p => p.Contains("25/02/2022"));
            Assert.Contains("Nơi nhận:", paragraphs);
            Assert.Contains("GIÁM ĐỐC", paragraphs);
            var appendix = body.Descendants<Table>().Last().Elements<TableRow>()
                .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["TT", "Nội dung", "Đơn vị chủ trì", "Phối hợp", "Sản phẩm", "Thời gian"], appendix[0]);
            Assert.Equal(["I", "Cải cách thủ tục hành chính"], appendix[1]);
            Assert.Equal(["1", "Rà soát, đơn giản hóa thủ tục hành chính", "Văn phòng", "", "Báo cáo", "Quý II/2022"], appendix[2]);
        }

        var sheet = new XlsxTable("Phụ lục", ["TT", "Nội dung", "Đơn vị chủ trì", "Phối hợp", "Sản phẩm", "Thời gian"]);
        sheet.Add(2, "Công khai thủ tục hành chính", "Văn phòng", "", "Công văn", "Quý I/2022");
        var post = await client.PostAsync($"/api/v1/plans/{plan.Id}/tasks.xlsx", Upload(sheet.ToBytes()));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(2, (await PlanWithTasksAsync(plan.Id)).Tasks.Count);

        var bad = new XlsxTable("Phụ lục", ["TT", "Nội dung"]);
        bad.Add(3, "");
        var refused = await client.PostAsync($"/api/v1/plans/{plan.Id}/tasks.xlsx", Upload(bad.ToBytes()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("row2", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_unit_may_download_its_parents_plan_but_not_import_into_it_and_files_over_5_MB_are_refused()
    {
        var tree = await App.TreeAsync();
        var deptPlan = await App.InsertAsync(new Plan(tree.Department.Id, "Kế hoạch của Sở", 2022, 2022));
        var ownPlan = await App.InsertAsync(new Plan(tree.DistrictA.Id, "Kế hoạch của Phòng A", 2022, 2022));
        var client = await ApiKeyClientAsync(tree.DistrictA, Roles.Specialist);
        var sheet = new XlsxTable("Phụ lục", ["TT", "Nội dung"]);
        sheet.Add(1, "Nhiệm vụ");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/plans/{deptPlan.Id}/tasks.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/plans/{deptPlan.Id}/tasks.xlsx", Upload(sheet.ToBytes()))).StatusCode);
        var tooBig = new byte[PlanTaskSheet.MaxBytes + 1];
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync($"/api/v1/plans/{ownPlan.Id}/tasks.xlsx", Upload(tooBig))).StatusCode);
        Assert.Empty((await PlanWithTasksAsync(deptPlan.Id)).Tasks);
    }

    [Fact]
    public async Task A_superseded_plan_takes_no_imported_task()
    {
        var hp = await HaiPhongAsync();
        var plan = new Plan(hp.Department.Id, "Kế hoạch CCHC năm 2022", 2022, 2022);
        plan.Issue("375/KH-SGDĐT", new DateOnly(2021, 12, 31));
        plan.Supersede();
        await App.InsertAsync(plan);
        var sheet = new XlsxTable("Phụ lục", ["TT", "Nội dung"]);
        sheet.Add(1, "Nhiệm vụ bổ sung");

        var result = await ImportAsync(hp.Current, plan.Id, sheet.ToBytes());

        Assert.Contains("đã bị thay thế", Assert.Single(result.Errors).Message);
        Assert.Empty((await PlanWithTasksAsync(plan.Id)).Tasks);
    }

    [Fact]
    public async Task The_import_page_shows_the_row_errors()
    {
        var tree = await App.TreeAsync();
        var plan = await App.InsertAsync(new Plan(tree.DistrictA.Id, "Kế hoạch của Phòng A", 2022, 2022));
        var client = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        var sheet = new XlsxTable("Phụ lục", ["TT", "Nội dung", "Lĩnh vực"]);
        sheet.Add(1, "Nhiệm vụ", "Cải cách giáo dục");

        var response = await Units.Forms.UploadAsync(client, $"/Plans/Spreadsheet/Import/{plan.Id}", "nhiem-vu.xlsx", sheet.ToBytes());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không nhập nhiệm vụ nào", html);
        Assert.Contains("Lĩnh vực “Cải cách giáo dục” không hợp lệ", html);
        Assert.Empty((await PlanWithTasksAsync(plan.Id)).Tasks);
    }

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxTable.ContentType);
        return new MultipartFormDataContent { { file, "file", "nhiem-vu.xlsx" } };
    }

    private async Task<HttpClient> ApiKeyClientAsync(Unit unit, string role)
    {
        var output = new StringWriter();
        await Cli.CreateApiKeyAsync(App.Services, ["--unit", unit.Code, "--role", role], output, TextWriter.Null);
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyHandler.Header, output.ToString().Trim().Split('\n')[^1].Trim());
        return client;
    }
}

public sealed class PlanSpreadsheetTestsOnSqlite(SqliteApp app) : PlanSpreadsheetTests(app), IClassFixture<SqliteApp>;

public sealed class PlanSpreadsheetTestsOnPostgres(PostgresApp app) : PlanSpreadsheetTests(app), IClassFixture<PostgresApp>;
