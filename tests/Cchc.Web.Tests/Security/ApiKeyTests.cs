using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Security;

public abstract class ApiKeyTests(TestApp app) : DataTest(app)
{
    private async Task<string> CreateWithCliAsync(string unitCode, string role, string name)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await Cli.CreateApiKeyAsync(App.Services, ["--unit", unitCode, "--role", role, "--name", name], output, errors);
        Assert.True(exit == 0, errors.ToString());
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    private HttpClient ClientWithKey(string key)
    {
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task A_key_made_on_the_command_line_acts_for_its_unit_and_role_until_it_is_revoked()
    {
        var tree = await App.TreeAsync();
        var secret = await CreateWithCliAsync(tree.DistrictA.Code, Roles.OneStopOfficer, "Một cửa tỉnh");

        var me = await ClientWithKey(secret).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(tree.DistrictA.Id, me.GetProperty("unitId").GetInt32());
        Assert.Equal([Roles.OneStopOfficer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.GetProperty("isApiClient").GetBoolean());

        // Only the hash and a prefix are stored; the last use is recorded.
        var stored = await App.WithDbAsync(db => db.Set<ApiKey>().SingleAsync(k => k.Name == "Một cửa tỉnh" && k.UnitId == tree.DistrictA.Id));
        Assert.DoesNotContain(secret, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(64, stored.Hash.Length);
        Assert.Contains(stored.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, stored.LastUsedAt);

        await App.WithDbAsync(async db =>
        {
            var key = await db.Set<ApiKey>().SingleAsync(k => k.Id == stored.Id);
            key.Revoke(App.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

        var refused = await ClientWithKey(secret).GetAsync("/api/v1/me");
        await AssertVietnameseUnauthorizedAsync(refused);
    }

    [Theory]
    [InlineData("cchc_khongcokhoanaynhungcodungdodaichuan1234567890ab")]
    [InlineData("abc")]
    [InlineData("cchc_")]
    public async Task A_wrong_key_gets_401_with_a_vietnamese_problem(string key)
    {
        await AssertVietnameseUnauthorizedAsync(await ClientWithKey(key).GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task A_right_key_with_one_character_changed_is_refused()
    {
        var tree = await App.TreeAsync();
        var secret = await CreateWithCliAsync(tree.DistrictB.Code, Roles.Specialist, "Tập lệnh");
        var tampered = secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a');

        await AssertVietnameseUnauthorizedAsync(await ClientWithKey(tampered).GetAsync("/api/v1/me"));
    }

    [Fact]
    public async Task A_key_without_the_role_gets_403_with_a_vietnamese_problem()
    {
        var tree = await App.TreeAsync();
        var secret = await CreateWithCliAsync(tree.DistrictA.Code, Roles.Leader, "Không phải quản trị");

        var response = await ClientWithKey(secret).GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Khóa API không có quyền thực hiện thao tác này.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_key_does_not_open_the_web_pages()
    {
        var tree = await App.TreeAsync();
        var secret = await CreateWithCliAsync(tree.DistrictA.Code, Roles.Leader, "Thử trang");

        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientWithKey(secret).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_command_refuses_an_unknown_unit_and_an_administrator_role()
    {
        var tree = await App.TreeAsync();
        var errors = new StringWriter();

        Assert.Equal(1, await Cli.CreateApiKeyAsync(App.Services, ["--unit", "KHONG-CO", "--role", Roles.Leader], TextWriter.Null, errors));
        Assert.Contains("Không tìm thấy đơn vị", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await Cli.CreateApiKeyAsync(App.Services, ["--unit", tree.Office.Code, "--role", Roles.SystemAdmin], TextWriter.Null, errors));
        Assert.Contains("Vai trò không dùng được cho khóa API.", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await Cli.CreateApiKeyAsync(App.Services, ["--unit", tree.Office.Code], TextWriter.Null, TextWriter.Null));
        Assert.False(await App.WithDbAsync(db => db.Set<ApiKey>().AnyAsync(k => k.UnitId == tree.Office.Id)));
    }

    [Fact]
    public async Task An_admin_creates_a_key_on_the_page_sees_it_once_and_revokes_it()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var client = App.ClientFor(admin);

        var created = await Forms.PostAsync(client, "/Admin/ApiKeys",
            [new("Input.Name", "Hệ thống một cửa"), new("Input.UnitId", tree.SchoolA1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Role", Roles.OneStopOfficer)],
            handler: "Create");
        var html = Forms.Decode(await created.Content.ReadAsStringAsync());
        var secret = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"api-key\">([^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("cchc_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ClientWithKey(secret).GetAsync("/api/v1/me")).StatusCode);
        Assert.DoesNotContain(secret, Forms.Decode(await client.GetStringAsync("/Admin/ApiKeys")), StringComparison.Ordinal);

        var key = await App.WithDbAsync(db => db.Set<ApiKey>().SingleAsync(k => k.UnitId == tree.SchoolA1.Id));
        var revoked = await Forms.PostAsync(client, $"/Admin/ApiKeys", [], handler: $"Revoke&id={key.Id}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientWithKey(secret).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_unit_admin_cannot_make_or_revoke_keys_outside_their_subtree()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        await CreateWithCliAsync(tree.SchoolB1.Code, Roles.Specialist, "Khóa của B1");
        var foreign = await App.WithDbAsync(db => db.Set<ApiKey>().SingleAsync(k => k.UnitId == tree.SchoolB1.Id));

        var create = await Forms.PostAsync(App.ClientFor(admin), "/Admin/ApiKeys",
            [new("Input.Name", "Lấn quyền"), new("Input.UnitId", tree.SchoolB1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Role", Roles.Specialist)],
            handler: "Create");
        Assert.Contains("nằm ngoài phạm vi bạn quản lý", Forms.Decode(await create.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var revoke = await Forms.PostAsync(App.ClientFor(admin), "/Admin/ApiKeys", [], handler: $"Revoke&id={foreign.Id}");
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);

        var keys = await App.WithDbAsync(db => db.Set<ApiKey>().Where(k => k.UnitId == tree.SchoolB1.Id).ToListAsync());
        Assert.Single(keys);
        Assert.False(keys[0].IsRevoked);
    }

    private static async Task AssertVietnameseUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Khóa API không hợp lệ hoặc đã bị thu hồi.", problem.GetProperty("title").GetString());
    }
}

public sealed class ApiKeyTestsOnSqlite(SqliteApp app) : ApiKeyTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeyTestsOnPostgres(PostgresApp app) : ApiKeyTests(app), IClassFixture<PostgresApp>;
