using System.Net;
using System.Text.Json;
using Cchc.Web.Tests.Infrastructure;

namespace Cchc.Web.Tests.Shell;

public abstract class ApiProblemTests(TestApp app) : DataTest(app)
{
    [Fact]
    public async Task An_unknown_api_route_answers_a_404_problem_in_vietnamese()
    {
        // Signed in: an anonymous caller meets the fallback policy first (401), which reveals no routes.
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Cchc.Core.Access.Roles.Specialist);
        var problem = await ErrorMappingTests.ProblemAsync(await App.ClientFor(user).GetAsync("/api/v1/khong-co"), HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy tài nguyên yêu cầu", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_anonymous_api_call_answers_a_401_problem_not_a_login_page()
    {
        var problem = await ErrorMappingTests.ProblemAsync(await App.AnonymousClient().GetAsync("/api/v1/audit"), HttpStatusCode.Unauthorized);
        Assert.Equal("Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_page_shows_the_vietnamese_error_page()
    {
        var unit = await App.UnitAsync();
        var user = await App.UserAsync(unit, Core.Access.Roles.Specialist);
        var response = await App.ClientFor(user).GetAsync("/khong-co-trang-nay");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_has_a_vietnamese_title_and_the_api()
    {
        var json = JsonDocument.Parse(await App.AnonymousClient().GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.StartsWith("CCHC – API quản lý cải cách hành chính", json.GetProperty("info").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("ProblemDetails", json.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(json.GetProperty("paths").TryGetProperty("/api/v1/audit", out _));
    }
}

public sealed class ApiProblemTestsOnSqlite(SqliteApp app) : ApiProblemTests(app), IClassFixture<SqliteApp>;

public sealed class ApiProblemTestsOnPostgres(PostgresApp app) : ApiProblemTests(app), IClassFixture<PostgresApp>;
