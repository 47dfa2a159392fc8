using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cchc.Core.Common;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Shell;

/// <summary>
/// The error mapping exactly as Program.cs wires it (AddCchcErrors/UseCchcErrors), on a small host with
/// endpoints that fail on purpose; the product's own routes are checked in <see cref="ApiProblemTests"/>.
/// </summary>
public sealed class ErrorMappingTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient _client = null!;

    public sealed record NewThing(
        [Required(ErrorMessage = "Vui lòng nhập tên.")] string? Name,
        [Range(1, 10, ErrorMessage = "Số lượng từ 1 đến 10.")] int Count);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCchcErrors();
        _app = builder.Build();
        _app.UseCchcErrors();
        _app.MapPost("/api/v1/things", (NewThing thing) => Results.Ok(thing)).Validate<NewThing>();
        _app.MapPost("/api/v1/rule", () => { throw new RuleViolation("Mã đơn vị đã tồn tại.", "UnitCode"); });
        _app.MapPost("/api/v1/stale", () => { throw new DbUpdateConcurrencyException("stale"); });
        _app.MapGet("/api/v1/boom", () => { throw new InvalidOperationException("secret internals"); });
        _app.MapGet("/api/v1/number/{n:int}", (int n) => n);
        _app.MapGet("/api/v1/needs-page", (int page) => page);
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_rule_violation_is_a_409_with_the_rule_message_on_its_field()
    {
        var problem = await ProblemAsync(await _client.PostAsync("/api/v1/rule", null), HttpStatusCode.Conflict);
        Assert.Equal(ApiErrors.RuleTitle, problem.GetProperty("title").GetString());
        Assert.Equal("Mã đơn vị đã tồn tại.", problem.GetProperty("detail").GetString());
        Assert.Equal("Mã đơn vị đã tồn tại.", problem.GetProperty("errors").GetProperty("unitCode")[0].GetString());
    }

    [Fact]
    public async Task A_stale_edit_is_a_409_conflict_in_vietnamese()
    {
        var problem = await ProblemAsync(await _client.PostAsync("/api/v1/stale", null), HttpStatusCode.Conflict);
        Assert.StartsWith("Bản ghi đã được người khác sửa", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_saying_so()
    {
        var body = new StringContent("{\"name\": \"Trường", Encoding.UTF8, "application/json");
        var problem = await ProblemAsync(await _client.PostAsync("/api/v1/things", body), HttpStatusCode.BadRequest);
        Assert.Equal("Nội dung yêu cầu không đúng định dạng JSON", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_missing_required_query_value_is_a_400_in_vietnamese()
    {
        var problem = await ProblemAsync(await _client.GetAsync("/api/v1/needs-page"), HttpStatusCode.BadRequest);
        Assert.Equal(ApiErrors.BadRequestTitle, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invalid_input_is_a_400_validation_problem_with_every_field()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/things", new { name = (string?)null, count = 42 });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Dữ liệu nhập không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Equal("Vui lòng nhập tên.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("Số lượng từ 1 đến 10.", problem.GetProperty("errors").GetProperty("count")[0].GetString());
    }

    [Fact]
    public async Task Valid_input_reaches_the_handler()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/things", new { name = "Trường TH A", count = 3 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_without_internals()
    {
        var response = await _client.GetAsync("/api/v1/boom");
        var text = await response.Content.ReadAsStringAsync();
        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal(ApiErrors.ServerErrorTitle, problem.GetProperty("title").GetString());
        Assert.DoesNotContain("secret internals", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_in_vietnamese()
    {
        var problem = await ProblemAsync(await _client.GetAsync("/api/v1/number/abc"), HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy tài nguyên yêu cầu", problem.GetProperty("title").GetString());
    }

    [Fact]
    public void Validate_reads_attributes_of_positional_records_and_plain_properties()
    {
        Assert.Equal(["name", "count"], ApiValidation.Errors(new NewThing(null, 0), JsonNamingPolicy.CamelCase).Keys);
        Assert.Empty(ApiValidation.Errors(new NewThing("A", 1)));
        Assert.Equal(["Count"], ApiValidation.Errors(new WithProperty()).Keys);
    }

    private sealed class WithProperty
    {
        [Range(1, 5, ErrorMessage = "Từ 1 đến 5.")]
        public int Count { get; init; }
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
