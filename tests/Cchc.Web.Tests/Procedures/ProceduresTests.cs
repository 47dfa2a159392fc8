using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Web.Features.Procedures;
using Cchc.Web.Tests.Infrastructure;
using Cchc.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Procedures;

public abstract class ProceduresTests(TestApp app) : DataTest(app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<int> CountAsync() => App.WithDbAsync(db => db.Procedures().CountAsync());

    private static object Body(string code, Unit owner, string name = "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", string field = "Văn bằng, chứng chỉ",
        bool published = true, int? version = null) => new
    {
        code, name, field, level = "Department", owningUnitCode = owner.Code, processingAmount = 1, processingUnit = "WorkingDays",
        onlineLevel = "Full", postalReceipt = true, postalReturn = true, iso = "ElectronicIso", published, effectiveFrom = "2024-01-01", version,
    };

    private async Task<(TestTree Tree, HttpClient Admin)> SetupAsync()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.Department, Roles.UnitAdmin);
        return (tree, App.ClientFor(admin));
    }

    [Fact]
    public async Task A_procedure_is_created_read_and_updated_with_its_version()
    {
        var (tree, client) = await SetupAsync();
        var code = Make.UniqueCode("P");
        var created = await client.PostAsJsonAsync("/api/v1/procedures", Body(code, tree.Department));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await JsonAsync(created);
        Assert.Equal("1 ngày làm việc", json.GetProperty("processingTimeText").GetString());
        var version = json.GetProperty("version").GetInt32();

        var updated = await client.PutAsJsonAsync($"/api/v1/procedures/{code}", Body(code, tree.Department, name: "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc (sửa)", version: version));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(version + 1, (await JsonAsync(updated)).GetProperty("version").GetInt32());

        // The same stale version again is a conflict, and the name stays.
        var stale = await client.PutAsJsonAsync($"/api/v1/procedures/{code}", Body(code, tree.Department, name: "Tên cũ ghi đè", version: version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var read = await JsonAsync(await client.GetAsync($"/api/v1/procedures/{code}"));
        Assert.EndsWith("(sửa)", read.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_and_nothing_is_stored()
    {
        var (tree, client) = await SetupAsync();
        var before = await CountAsync();
        var unknownField = await client.PostAsJsonAsync("/api/v1/procedures", Body(Make.UniqueCode("P"), tree.Department, field: "Nông nghiệp"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("không có trong danh mục", (await JsonAsync(unknownField)).GetProperty("errors").GetProperty("field")[0].GetString(), StringComparison.Ordinal);
        var longName = await client.PostAsJsonAsync("/api/v1/procedures", Body(Make.UniqueCode("P"), tree.Department, name: new string('a', 501)));
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Equal("Tên thủ tục tối đa 500 ký tự.", (await JsonAsync(longName)).GetProperty("errors").GetProperty("name")[0].GetString());
        var code = Make.UniqueCode("P");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/procedures", Body(code, tree.Department))).StatusCode);
        var duplicate = await client.PostAsJsonAsync("/api/v1/procedures", Body(code, tree.Department));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task A_unit_sees_only_procedures_owned_in_its_subtree()
    {
        var (tree, client) = await SetupAsync();
        var codeA = Make.UniqueCode("PA");
        var codeB = Make.UniqueCode("PB");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/procedures", Body(codeA, tree.DistrictA))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/procedures", Body(codeB, tree.DistrictB))).StatusCode);
        var userA = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.Specialist));
        var list = await JsonAsync(await userA.GetAsync("/api/v1/procedures"));
        var codes = list.EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains(codeA, codes);
        Assert.DoesNotContain(codeB, codes);
        Assert.Equal(HttpStatusCode.NotFound, (await userA.GetAsync($"/api/v1/procedures/{codeB}")).StatusCode);
        // A specialist reads but does not edit the catalogue.
        Assert.Equal(HttpStatusCode.Forbidden, (await userA.PostAsJsonAsync("/api/v1/procedures", Body(Make.UniqueCode("P"), tree.DistrictA))).StatusCode);
    }

    [Theory]
    // issue 5: diacritics and word order are ignored.
    [InlineData("cap ban sao van bang")]
    [InlineData("văn bằng bản sao")]
    [InlineData("SO GOC")]
    public async Task The_public_search_ignores_diacritics_and_word_order(string query)
    {
        var (tree, client) = await SetupAsync();
        var code = Make.UniqueCode("PS");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/procedures", Body(code, tree.Department))).StatusCode);
        var hidden = Make.UniqueCode("PH");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/procedures", Body(hidden, tree.Department, published: false))).StatusCode);
        var found = await JsonAsync(await App.AnonymousClient().GetAsync("/api/v1/public/procedures?q=" + Uri.EscapeDataString(query)));
        var codes = found.EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains(code, codes);
        Assert.DoesNotContain(hidden, codes);
        var page = await App.AnonymousClient().GetAsync("/Public/Procedures?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(code, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var detail = await App.AnonymousClient().GetAsync("/Public/Procedures/Details?code=" + code);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.AnonymousClient().GetAsync("/Public/Procedures/Details?code=" + hidden)).StatusCode);
    }

    [Fact]
    public async Task A_missing_word_finds_nothing()
    {
        var (tree, client) = await SetupAsync();
        var code = Make.UniqueCode("PN");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/procedures", Body(code, tree.Department))).StatusCode);
        var found = await JsonAsync(await App.AnonymousClient().GetAsync("/api/v1/public/procedures?q=cap+ban+sao+hoc+ba+xyz"));
        Assert.DoesNotContain(found.EnumerateArray(), p => p.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task The_edit_page_creates_and_refuses_a_stale_edit()
    {
        var (tree, client) = await SetupAsync();
        var code = Make.UniqueCode("PE");
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Chuyển trường đối với học sinh trung học phổ thông", ["Input.Field"] = "Giáo dục trung học",
            ["Input.Level"] = "Department", ["Input.OwningUnitCode"] = tree.Department.Code, ["Input.ProcessingAmount"] = "3",
            ["Input.ProcessingUnit"] = "WorkingDays", ["Input.OnlineLevel"] = "Full", ["Input.Iso"] = "None", ["Input.Published"] = "true",
            ["Input.EffectiveFrom"] = "2024-01-01",
        };
        var created = await Forms.PostAsync(client, "/Procedures/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var version = await App.WithDbAsync(db => db.Procedures().Where(p => p.Code == code).Select(p => p.Version).SingleAsync());
        fields["Input.Version"] = (version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.Name"] = "Tên bị ghi đè";
        var stale = await Forms.PostAsync(client, "/Procedures/Edit?code=" + code, fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("người khác sửa", Forms.Decode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var list = await (await client.GetAsync("/Procedures?q=chuyen+truong")).Content.ReadAsStringAsync();
        Assert.Contains(code, list, StringComparison.Ordinal);
    }
}

public sealed class ProceduresTestsOnSqlite(SqliteApp app) : ProceduresTests(app), IClassFixture<SqliteApp>;

public sealed class ProceduresTestsOnPostgres(PostgresApp app) : ProceduresTests(app), IClassFixture<PostgresApp>;
