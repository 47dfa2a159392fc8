using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cchc.Core.Access;
using Cchc.Web.Features.PlanImport;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.PlanImport;

public abstract partial class PlanImportWebTests(TestApp app) : DataTest(app)
{
    private static MultipartFormDataContent Upload(string name, byte[] bytes) =>
        new() { { new ByteArrayContent(bytes), "file", name } };

    private async Task<HttpClient> SpecialistAsync(Core.Organisation.Unit? unit = null)
    {
        var tree = await App.TreeAsync();
        return App.ClientFor(await App.UserAsync(unit ?? tree.Department, Roles.Specialist));
    }

    private Task<int> DraftCountAsync() => App.WithDbAsync(db => db.Set<PlanImportDraft>().CountAsync());

    [Fact]
    public async Task Uploading_a_seed_to_the_API_returns_the_contract_json()
    {
        var client = await SpecialistAsync();

        var response = await client.PostAsync("/api/v1/plan-imports", Upload("002.txt", TestDocuments.Seed("002")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(69, json.RootElement.GetProperty("tasks").GetArrayLength());
        Assert.Equal("375/KH-SGDĐT", json.RootElement.GetProperty("document").GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_docx_uploaded_to_the_API_gives_its_tasks()
    {
        var client = await SpecialistAsync();
        var response = await client.PostAsync("/api/v1/plan-imports", Upload("kh.docx", TestDocuments.Docx()), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, json.RootElement.GetProperty("tasks").GetArrayLength());
    }

    [Theory]
    [InlineData("rac.txt", "garbage")]
    [InlineData("trong.txt", "empty")]
    [InlineData("gia.docx", "garbage")]
    [InlineData("bom.docx", "bomb")]
    public async Task An_unusable_upload_is_a_400_problem_with_a_Vietnamese_title(string name, string content)
    {
        var client = await SpecialistAsync();

        var response = await client.PostAsync("/api/v1/plan-imports", Upload(name, PlanDocumentsTests.Bad(content)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(PlanImportApi.UnreadableTitle, json.RootElement.GetProperty("title").GetString());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task A_50_MB_upload_is_refused_with_413()
    {
        var client = await SpecialistAsync();
        var response = await client.PostAsync("/api/v1/plan-imports", Upload("lon.txt", PlanDocumentsTests.Bad("large")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(PlanDocuments.TooLargeMessage, json.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("rac.txt", "garbage")]
    [InlineData("trong.txt", "empty")]
    [InlineData("lon.txt", "large")]
    [InlineData("gia.docx", "garbage")]
    [InlineData("bom.docx", "bomb")]
    public async Task An_unusable_upload_on_the_page_shows_the_error_and_stores_nothing(string name, string content)
    {
        var client = await SpecialistAsync();
        var before = await DraftCountAsync();

        var response = await PreviewForms.UploadAsync(client, "/PlanImport", name, PlanDocumentsTests.Bad(content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before, await DraftCountAsync());
    }

    [Fact]
    public async Task Upload_preview_edit_and_create_makes_the_plan_with_the_edited_value_and_its_tasks()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var ct = TestContext.Current.CancellationToken;

        var uploaded = await PreviewForms.UploadAsync(client, "/PlanImport", "kh.docx", TestDocuments.Docx());
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var preview = uploaded.Headers.Location!.OriginalString;
        Assert.StartsWith("/PlanImport/Preview?draft=", preview);

        var page = await client.GetAsync(preview, ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("Rà soát, đơn giản hóa thủ tục hành chính", html); // source text and fields
        var form = PreviewForms.FieldsOf(html);
        Assert.Equal("12/KH-SGDĐT", form["Input.Number"]);
        form["Input.Title"] = "Cải cách hành chính năm 2022 (đã sửa)";
        form["Input.Tasks[2].Deadline"] = "Tháng 11/2022";
        form["Input.IssuingUnitId"] = tree.Department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var created = await client.PostAsync(preview, new FormUrlEncodedContent(form), ct);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(PlanId().Match(created.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var plan = await App.WithDbAsync(db => db.Plans.Include(p => p.Tasks).AsNoTracking().SingleAsync(p => p.Id == id, ct));
        Assert.Equal("Cải cách hành chính năm 2022 (đã sửa)", plan.Title);
        Assert.Equal(tree.Department.Id, plan.IssuingUnitId);
        Assert.Equal(3, plan.Tasks.Count);
        var tasks = plan.Tasks.OrderBy(t => t.Number).ToList();
        Assert.Equal(tree.Office.Id, tasks[0].LeadUnitId);           // "Văn phòng Sở" is a unit of the tree
        Assert.Equal("Các phòng thuộc Sở", tasks[0].PartnersText);    // no unit of that name: kept as text
        Assert.Equal([tree.DistrictA.Id], tasks[1].PartnerUnitIds);   // "Phòng GDĐT A"
        Assert.Equal(new DateOnly(2022, 11, 30), tasks[2].LastDue);   // the edited deadline was read again
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<PlanImportDraft>().CountAsync(d => preview.EndsWith(d.Id), ct)));
    }

    [Fact]
    public async Task Another_users_draft_is_not_found()
    {
        var tree = await App.TreeAsync();
        var owner = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var uploaded = await PreviewForms.UploadAsync(owner, "/PlanImport", "003.txt", TestDocuments.Seed("003"));
        var preview = uploaded.Headers.Location!.OriginalString;

        var other = App.ClientFor(await App.UserAsync(tree.Department, Roles.Specialist));
        var response = await other.GetAsync(preview, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_one_stop_officer_may_read_a_document_through_the_API_but_not_create_a_plan()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.OneStopOfficer));
        var api = await client.PostAsync("/api/v1/plan-imports", Upload("003.txt", TestDocuments.Seed("003")), TestContext.Current.CancellationToken);
        var page = await client.GetAsync("/PlanImport", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [GeneratedRegex(@"^/Plans/(\d+)$")]
    private static partial Regex PlanId();
}

public sealed class PlanImportWebTestsOnSqlite(SqliteApp app) : PlanImportWebTests(app), IClassFixture<SqliteApp>;

public sealed class PlanImportWebTestsOnPostgres(PostgresApp app) : PlanImportWebTests(app), IClassFixture<PostgresApp>;
