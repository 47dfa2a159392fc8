using System.Net;
using System.Text.Json;
using Cchc.Web.Data;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Cchc.Web.Tests.Shell;

public abstract class OperationsTests(TestApp app) : DataTest(app)
{
    /// <summary>A connection string of this provider that can never connect.</summary>
    protected abstract string UnreachableDatabase { get; }

    [Fact]
    public async Task Health_answers_healthy_anonymously_when_the_database_answers()
    {
        var response = await App.AnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_is_unreachable()
    {
        await using var broken = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Cchc", UnreachableDatabase);
            // Without a database the start-up migration would stop the host before /health can be asked.
            b.ConfigureTestServices(s => s.RemoveAll<IHostedService>());
        });
        var response = await broken.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_so_another_node_reads_what_one_protected()
    {
        var protectedText = await App.WithServicesAsync(sp =>
            Task.FromResult(sp.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("Trường TH Kim Đồng")));

        // A second host over the same database stands for a second web node.
        await using var otherNode = App.WithWebHostBuilder(_ => { });
        await using var scope = otherNode.Services.CreateAsyncScope();
        var text = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);

        Assert.Equal("Trường TH Kim Đồng", text);
        Assert.True(await App.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task Logging_Json_switches_the_console_to_json_lines()
    {
        await using var json = App.WithWebHostBuilder(b => b.UseSetting("Logging:Json", "true"));
        var options = json.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
        Assert.NotEqual(ConsoleFormatterNames.Json, App.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}

public sealed class OperationsTestsOnSqlite(SqliteApp app) : OperationsTests(app), IClassFixture<SqliteApp>
{
    protected override string UnreachableDatabase => "Data Source=/nonexistent-cchc-folder/cchc.db;Mode=ReadWrite";
}

public sealed class OperationsTestsOnPostgres(PostgresApp app) : OperationsTests(app), IClassFixture<PostgresApp>
{
    protected override string UnreachableDatabase => "Host=127.0.0.1;Port=1;Username=cchc;Database=none;Timeout=2";
}
