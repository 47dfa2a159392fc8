using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Plans;
using Cchc.Web.Features.Files;
using Cchc.Web.Features.Plans;
using Cchc.Web.Tests.Infrastructure;
using Cchc.Web.Tests.Units;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Plans;

public abstract class PlanPagesAndApiTests(TestApp app) : DataTest(app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    private async Task<int> PlanViaApiAsync(HttpClient client, string title = "Kế hoạch CCHC năm 2022", int year = 2022)
    {
        var response = await client.PostAsJsonAsync("/api/v1/plans", new { title, periodFrom = year, areas = new[] { "DIRECTION", "PROCEDURES" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt32();
    }

    /// <summary>Posts a page handler with the hidden fields (antiforgery token, Version) of the page that shows its form.</summary>
    private static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, string pageUrl, string handler, params (string Name, string Value)[] fields)
    {
        var form = await Forms.HiddenFieldsAsync(client, pageUrl);
        foreach (var (name, value) in fields) form[name] = value;
        return await client.PostAsync($"{pageUrl}?handler={handler}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task A_plan_is_created_edited_and_issued_through_the_API()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var id = await PlanViaApiAsync(client);

        var edit = await client.PutAsJsonAsync($"/api/v1/plans/{id}", new
        {
            version = 0,
            plan = new { title = "Thực hiện công tác Cải cách hành chính năm 2022", periodFrom = 2022, bases = new[] { "Căn cứ Quyết định số 4655/QĐ-UBND" }, purpose = "Nâng cao chất lượng", areas = new[] { "INSTITUTIONS" } },
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var edited = await JsonAsync(edit);
        Assert.Equal("Cải cách thể chế", Assert.Single(edited.GetProperty("sections").EnumerateArray()).GetProperty("heading").GetString());

        var issue = await client.PutAsJsonAsync($"/api/v1/plans/{id}", new { version = edited.GetProperty("version").GetInt32(), status = "Issued", number = "34/KH-SGDĐT", issuedOn = "2022-01-12" });
        Assert.Equal(HttpStatusCode.OK, issue.StatusCode);
        var issued = await JsonAsync(issue);
        Assert.Equal("Issued", issued.GetProperty("status").GetString());
        Assert.Equal("34/KH-SGDĐT", issued.GetProperty("number").GetString());

        // Plan.cs: the content of an issued plan is not edited (409 with the rule's Vietnamese message).
        var late = await client.PutAsJsonAsync($"/api/v1/plans/{id}", new { version = issued.GetProperty("version").GetInt32(), plan = new { title = "Tên khác", periodFrom = 2022 } });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("đã ban hành", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invalid_plan_is_refused_with_Vietnamese_field_errors_and_nothing_is_stored()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        var before = await App.WithDbAsync(db => db.Plans.CountAsync());
        var response = await client.PostAsJsonAsync("/api/v1/plans", new { title = "", periodFrom = 1990 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("Vui lòng nhập tên kế hoạch.", body.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Contains("2000", body.GetProperty("errors").GetProperty("periodFrom")[0].GetString());
        Assert.Equal(before, await App.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task A_plan_is_created_and_issued_through_the_pages()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Leader));
        var created = await Forms.PostAsync(client, "/Plans/Edit",
            ("Input.Title", "Kế hoạch CCHC năm 2025 của Phòng GDĐT"), ("Input.PeriodFrom", "2021"), ("Input.PeriodTo", "2025"),
            ("Input.IssuingUnitId", tree.DistrictA.Id.ToString()), ("BasesText", "Căn cứ Nghị quyết 76/NQ-CP\nThực hiện Kế hoạch của Sở"),
            ("Input.Purpose", "<script>alert(1)</script>\n- Ý thứ nhất"), ("Input.Areas", "E_GOVERNMENT"));
        await AssertRedirectAsync(created);
        var url = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/Plans/Details/", url);

        var page = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.Contains("2021–2025", page);
        Assert.Contains("Thực hiện Kế hoạch của Sở", page);
        Assert.Contains("&lt;script&gt;", page);               // pasted markup shows as text
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("<li>Ý thứ nhất</li>", page);

        var issued = await PostHandlerAsync(client, url, "Issue", ("Number", "12/KH-PGDĐT"), ("IssuedOn", "15/01/2021"));
        await AssertRedirectAsync(issued);
        var id = int.Parse(url.Split('/')[^1]);
        var plan = await App.FindAsync<Plan>(id);
        Assert.Equal(PlanStatus.Issued, plan!.Status);
        Assert.Equal(new DateOnly(2021, 1, 15), plan.IssuedOn);

        var superseded = await PostHandlerAsync(client, url, "Supersede");
        await AssertRedirectAsync(superseded);
        Assert.Equal(PlanStatus.Superseded, (await App.FindAsync<Plan>(id))!.Status);
    }

    [Fact]
    public async Task A_trajectory_is_entered_on_one_line_and_evaluated_on_the_entered_figure()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var id = await PlanViaApiAsync(client, "Kế hoạch CCHC giai đoạn 2021–2025", 2021);
        // Seed 001: "≥30% by 2023 and ≥50% by 2025" is one trajectory.
        var saved = await Forms.PostAsync(client, $"/Plans/Target/{id}",
            ("Input.IndicatorCode", "DOSSIER_ONLINE_RATE"), ("Input.Comparator", ">="), ("Input.Unit", "%"), ("Input.Values", "2023: 30; 2025: 50"));
        await AssertRedirectAsync(saved);
        var targets = await App.WithDbAsync(db => db.Targets.Where(t => t.PlanId == id).OrderBy(t => t.Year).ToListAsync());
        Assert.Equal([2023, 2025], targets.Select(t => t.Year!.Value));
        Assert.Equal([30.0, 50.0], targets.Select(t => t.Value));
        Assert.NotEqual("", targets[0].LineKey);
        Assert.Equal(targets[0].LineKey, targets[1].LineKey);

        // Editing the line replaces it: one more year.
        var edited = await Forms.PostAsync(client, $"/Plans/Target/{id}/{targets[0].Id}", 
            ("Input.IndicatorCode", "DOSSIER_ONLINE_RATE"), ("Input.Comparator", ">="), ("Input.Unit", "%"), ("Input.Values", "2023: 30; 2024: 40; 2025: 50"));
        await AssertRedirectAsync(edited);
        Assert.Equal(3, await App.WithDbAsync(db => db.Targets.CountAsync(t => t.PlanId == id)));

        // The 2023 target with 32% entered: the year is over (clock in 2026), 32 ≥ 30 → Met.
        var first = await App.WithDbAsync(db => db.Targets.Where(t => t.PlanId == id).OrderBy(t => t.Year).FirstAsync());
        var figure = await PostHandlerAsync(client, $"/Plans/Details/{id}", "Figure&targetId=" + first.Id, ("Figure.Value", "32"), ("Figure.EvidenceNote", "Báo cáo số 12/BC-SGDĐT"));
        await AssertRedirectAsync(figure);
        var plan = await JsonAsync(await client.GetAsync($"/api/v1/plans/{id}"));
        var read = plan.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == first.Id);
        Assert.Equal(32, read.GetProperty("enteredValue").GetDouble());
        Assert.Equal("Met", read.GetProperty("status").GetString());
        Assert.Equal("NoData", plan.GetProperty("targets").EnumerateArray().First(t => t.GetProperty("id").GetInt32() != first.Id).GetProperty("status").GetString());
    }

    // Seed 003 (plan-import fixtures): the deadline forms of its appendix, with the dates they resolve to.
    [Theory]
    [InlineData("Quý I/2022", null, "2022-03-31")]
    [InlineData("Tháng 12/2021", "2021-12-01", "2021-12-31")]
    [InlineData("10/01/2022", null, "2022-01-10")]
    [InlineData("Cả năm 2022", "2022-01-01", "2022-12-31")]
    [InlineData("Từ Quý IV/2022 đến Quý I/2023", "2022-10-01", "2023-03-31")]
    [InlineData("trước ngày 25/02/2022", null, "2022-02-25")]
    [InlineData("Lần 1: Quý II/2022 Lần 2: Quý III/2022", null, "2022-09-30")]
    [InlineData("Theo yêu cầu của Sở Nội vụ", null, null)]
    public async Task Every_deadline_form_of_seed_003_is_resolved_and_kept_as_written(string words, string? from, string? lastDue)
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var id = await PlanViaApiAsync(client);
        var response = await client.PostAsJsonAsync($"/api/v1/plans/{id}/tasks", new
        {
            number = "12", content = "Rà soát, đơn giản hóa thủ tục hành chính", area = "PROCEDURES", leadUnitId = tree.Office.Id,
            partnerUnitIds = new[] { tree.DistrictA.Id }, productType = "Báo cáo", deadlines = words,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await JsonAsync(response);
        var deadlines = task.GetProperty("deadlines").EnumerateArray().ToList();
        Assert.Equal(words, string.Join(" ", deadlines.Select(d => d.GetProperty("text").GetString())).Replace("Quý II/2022 Lần 2:", "Quý II/2022 Lần 2:"), ignoreCase: false, ignoreWhiteSpaceDifferences: true);
        Assert.Equal(lastDue, task.GetProperty("lastDue").ValueKind == JsonValueKind.Null ? null : task.GetProperty("lastDue").GetString());
        if (from is not null) Assert.Equal(from, deadlines[0].GetProperty("from").GetString());

        // The task page shows the resolved dates next to the words.
        var page = await (await client.GetAsync($"/Plans/Task/{task.GetProperty("id").GetInt32()}")).Content.ReadAsStringAsync();
        Assert.Contains(lastDue is null ? "không xác định ngày" : DateOnly.Parse(lastDue).ToString("dd/MM/yyyy"), page);
    }

    [Fact]
    public async Task The_lead_unit_reports_progress_and_completes_and_others_may_not()
    {
        var tree = await App.TreeAsync();
        var editor = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var id = await PlanViaApiAsync(editor);
        var created = await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/plans/{id}/tasks",
            new { number = "1", content = "Xây dựng kế hoạch CCHC của Phòng", leadUnitId = tree.DistrictA.Id, deadlines = "trước ngày 25/02/2022" }));
        var taskId = created.GetProperty("id").GetInt32();
        // Clock 02/03/2026: long past the due date, so the unfinished task is overdue (derived, never stored).
        Assert.Equal("Overdue", created.GetProperty("effectiveStatus").GetString());

        var lead = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        var progress = await lead.PutAsJsonAsync($"/api/v1/tasks/{taskId}", new { version = 0, status = "InProgress", progress = 40 });
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.Equal(40, (await JsonAsync(progress)).GetProperty("progress").GetInt32());

        var done = await PostHandlerAsync(lead, $"/Plans/Task/{taskId}", "Progress", ("Input.Status", "Done"), ("CompletedOnText", "20/02/2022"),
            ("Input.ProductNumber", "15/KH-PGDĐT"), ("ProductDateText", "20/02/2022"));
        await AssertRedirectAsync(done);
        var task = await App.FindAsync<PlanTask>(taskId);
        Assert.Equal(PlanTaskStatus.Done, task!.Status);
        Assert.Equal(100, task.Progress);
        Assert.True(TaskStatusRules.DoneOnTime(task));

        // The history on the task page comes from the audit log.
        var page = await (await lead.GetAsync($"/Plans/Task/{taskId}")).Content.ReadAsStringAsync();
        Assert.Contains("Lịch sử", page);
        Assert.Contains("15/KH-PGDĐT", page);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "PlanTask" && a.EntityKey == taskId.ToString())) >= 3);

        // The sibling district reads the Department's plan but does not lead the task; another department cannot see it.
        var sibling = App.ClientFor(await App.UserAsync(tree.DistrictB, Roles.Specialist));
        Assert.Equal(HttpStatusCode.Forbidden, (await sibling.PutAsJsonAsync($"/api/v1/tasks/{taskId}", new { version = task.Version, status = "InProgress", progress = 10 })).StatusCode);
        var stranger = App.ClientFor(await App.UserAsync((await App.TreeAsync()).DistrictA, Roles.Specialist));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/tasks/{taskId}", new { version = task.Version, status = "InProgress", progress = 10 })).StatusCode);
        var school = App.ClientFor(await App.UserAsync(tree.SchoolA1, Roles.Specialist));
        Assert.Equal(HttpStatusCode.OK, (await school.GetAsync($"/api/v1/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PutAsJsonAsync($"/api/v1/tasks/{taskId}", new { version = task.Version, status = "InProgress", progress = 10 })).StatusCode);
        Assert.Equal(PlanTaskStatus.Done, (await App.FindAsync<PlanTask>(taskId))!.Status);
    }

    [Fact]
    public async Task Two_users_editing_a_task_at_once_get_a_conflict_and_nothing_is_lost()
    {
        // Issue 3: the second of two simultaneous edits is refused with a clear message; the first stays.
        var tree = await App.TreeAsync();
        var editor = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var id = await PlanViaApiAsync(editor);
        var taskId = (await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/plans/{id}/tasks",
            new { content = "Báo cáo CCHC quý I", leadUnitId = tree.DistrictA.Id, deadlines = "Quý I/2022" }))).GetProperty("id").GetInt32();
        var first = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        var second = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Leader));
        // Both open the page (version 0), the first saves, then the second.
        var secondForm = await Forms.HiddenFieldsAsync(second, $"/Plans/Task/{taskId}");
        Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync($"/api/v1/tasks/{taskId}", new { version = 0, status = "InProgress", progress = 60 })).StatusCode);

        secondForm["Input.Status"] = "InProgress";
        secondForm["Input.Progress"] = "20";
        var page = await second.PostAsync($"/Plans/Task/{taskId}?handler=Progress", new FormUrlEncodedContent(secondForm));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("đã được người khác sửa", await page.Content.ReadAsStringAsync());

        var api = await second.PutAsJsonAsync($"/api/v1/tasks/{taskId}", new { version = 0, status = "InProgress", progress = 20 });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains("đã được người khác sửa", (await JsonAsync(api)).GetProperty("title").GetString());
        Assert.Equal(60, (await App.FindAsync<PlanTask>(taskId))!.Progress);
    }

    [Fact]
    public async Task A_sibling_district_cannot_see_a_plan_and_a_school_reads_its_parents_plan_only()
    {
        var tree = await App.TreeAsync();
        var owner = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        var id = await PlanViaApiAsync(owner, "Kế hoạch CCHC của Phòng A");
        var sibling = App.ClientFor(await App.UserAsync(tree.DistrictB, Roles.Leader));
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync($"/Plans/Details/{id}")).StatusCode);
        Assert.DoesNotContain("Kế hoạch CCHC của Phòng A", await (await sibling.GetAsync("/Plans")).Content.ReadAsStringAsync());

        var school = App.ClientFor(await App.UserAsync(tree.SchoolA1, Roles.Leader));
        Assert.Contains("Kế hoạch CCHC của Phòng A", await (await school.GetAsync("/Plans?year=2022")).Content.ReadAsStringAsync());
        var details = await (await school.GetAsync($"/Plans/Details/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Sửa kế hoạch", details);
        // The school reads, downloads and follows up its parent's plan, and starts its own from it; it cannot import into it.
        Assert.Contains($"href=\"/Plans/Spreadsheet/Export/{id}\"", details);
        Assert.Contains($"href=\"/Plans/Document/Export/{id}\"", details);
        Assert.Contains($"href=\"/Plans/Children/Create/{id}\"", details);
        Assert.DoesNotContain($"/Plans/Spreadsheet/Import/{id}", details);
        var own = await (await owner.GetAsync($"/Plans/Details/{id}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Plans/Spreadsheet/Import/{id}\"", own);
        Assert.DoesNotContain($"/Plans/Children/Create/{id}", own);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PutAsJsonAsync($"/api/v1/plans/{id}", new { version = 0, plan = new { title = "Đổi tên", periodFrom = 2022 } })).StatusCode);
        Assert.Equal("Kế hoạch CCHC của Phòng A", (await App.FindAsync<Plan>(id))!.Title);
    }

    [Fact]
    public async Task The_print_view_is_laid_out_like_the_paper_plan()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var id = await PlanViaApiAsync(client);
        await client.PostAsJsonAsync($"/api/v1/plans/{id}/tasks", new { number = "1", content = "Ban hành Kế hoạch CCHC năm 2022", area = "DIRECTION", leadUnitId = tree.Office.Id, productType = "Kế hoạch", deadlines = "Tháng 12/2021" });
        var html = await (await client.GetAsync($"/Plans/Print/{id}")).Content.ReadAsStringAsync();
        foreach (var expected in new[] { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Sở GDĐT thử", "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "<th>TT</th>", "<th>Đơn vị chủ trì</th>", "<th>Phối hợp</th>", "<th>Sản phẩm</th>", "<th>Thời gian</th>", "@media print", "Tháng 12/2021" })
            Assert.Contains(expected, html);
    }

    [Fact]
    public async Task An_upload_over_the_limit_or_of_a_forbidden_type_is_refused_and_nothing_is_stored()
    {
        var tree = await App.TreeAsync();
        var editor = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var id = await PlanViaApiAsync(editor);
        var taskId = (await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/plans/{id}/tasks",
            new { content = "Báo cáo CCHC", leadUnitId = tree.DistrictA.Id, deadlines = "Quý IV/2022" }))).GetProperty("id").GetInt32();
        var lead = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        var url = $"/Plans/Task/{taskId}";
        async Task<int> CountAsync() => await App.WithDbAsync(async db => await db.Set<StoredFile>().CountAsync() + await db.Set<FileAttachment>().CountAsync());
        var before = await CountAsync();

        var big = new byte[FileRules.MaxBytes + 1];
        "%PDF"u8.CopyTo(big);
        var tooBig = await UploadAsync(lead, url, "bao-cao.pdf", big);
        Assert.Contains("vượt quá dung lượng", tooBig);
        var exe = await UploadAsync(lead, url, "chuong-trinh.exe", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Contains("Loại tệp không được phép", exe);
        var renamed = await UploadAsync(lead, url, "bao-cao.pdf", [0x4D, 0x5A, 0x90, 0x00]);
        Assert.Contains("không đúng định dạng pdf", renamed);
        Assert.Equal(before, await CountAsync());

        // A real PDF is stored once (content-addressed) and read back by the sibling as 404, by the lead as the bytes.
        byte[] pdf = [.. "%PDF-1.7\n"u8, .. Guid.NewGuid().ToByteArray()];
        await UploadAsync(lead, url, "../../etc/passwd.pdf", pdf);
        await UploadAsync(lead, url, "ban-sao.pdf", pdf);
        var (stored, attachments) = await App.WithDbAsync(async db => (await db.Set<StoredFile>().CountAsync(), await db.Set<FileAttachment>().Where(a => a.OwnerId == taskId).ToListAsync()));
        Assert.Equal(2, attachments.Count);
        Assert.Equal(attachments[0].StoredFileId, attachments[1].StoredFileId);
        Assert.Equal("passwd.pdf", attachments[0].OriginalName);
        Assert.Equal(pdf, await (await lead.GetAsync($"/files/{attachments[0].Id}")).Content.ReadAsByteArrayAsync());
        // Another department's user cannot read the Department's task, so neither its files.
        var stranger = App.ClientFor(await App.UserAsync((await App.TreeAsync()).Department, Roles.Specialist));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/files/{attachments[0].Id}")).StatusCode);
    }

    [Fact]
    public async Task The_demo_data_holds_one_issued_demo_plan_for_2025_with_fifteen_assigned_tasks()
    {
        await Cchc.Web.Features.Demo.DemoData.SeedAsync(App.Services);
        await Cchc.Web.Features.Demo.DemoData.SeedAsync(App.Services);
        var plans = await App.WithDbAsync(db => db.Plans.Include(p => p.Tasks).Include(p => p.Targets).Where(p => p.Title == DemoPlan.Title).ToListAsync());
        var plan = Assert.Single(plans);
        Assert.Contains("dữ liệu mẫu", plan.Title);
        Assert.Equal(PlanStatus.Issued, plan.Status);
        Assert.Equal(15, plan.Tasks.Count);
        Assert.All(plan.Tasks, t => Assert.NotNull(t.LeadUnitId));
        Assert.Contains(plan.Tasks, t => t.LastDue is null);              // "Theo yêu cầu của Sở Nội vụ"
        Assert.Equal(2, plan.Targets.Count(t => t.LineKey == "DEMO-ONLINE"));
    }

    /// <summary>A saved form redirects; otherwise the failure shows the form's errors.</summary>
    private static async Task AssertRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return;
        var html = await response.Content.ReadAsStringAsync();
        var errors = System.Text.RegularExpressions.Regex.Matches(html, "<li>([^<]*)</li>").Select(m => m.Groups[1].Value);
        Assert.Fail($"expected a redirect, got {(int)response.StatusCode}: {string.Join(" | ", errors)}");
    }

    private static async Task<string> UploadAsync(HttpClient client, string url, string fileName, byte[] bytes)
    {
        var token = await Forms.TokenAsync(client, url);
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(FilePurposes.Evidence), "Purpose" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        var response = await client.PostAsync(url + "?handler=Upload", content);
        return response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
    }
}

public sealed class PlanPagesAndApiTestsOnSqlite(SqliteApp app) : PlanPagesAndApiTests(app), IClassFixture<SqliteApp>;

public sealed class PlanPagesAndApiTestsOnPostgres(PostgresApp app) : PlanPagesAndApiTests(app), IClassFixture<PostgresApp>;
