using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Core.Organisation;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Demo;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cchc.Web.Tests.Demo;

public abstract class DemoDataTests(TestApp app) : DataTest(app)
{
    private Task<(int Units, int Events, int Users)> CountAsync() => App.WithDbAsync(async db =>
        (await db.Units.CountAsync(), await db.UnitEvents.CountAsync(), await db.Users.CountAsync()));

    [Fact]
    public async Task Seeding_twice_creates_nothing_new()
    {
        await DemoData.SeedAsync(App.Services);
        var first = await CountAsync();
        var again = await DemoData.SeedAsync(App.Services);
        Assert.False(again);
        Assert.Equal(first, await CountAsync());
    }

    [Fact]
    public async Task Every_demo_record_is_marked_demo_and_every_role_has_an_account()
    {
        await DemoData.SeedAsync(App.Services);
        var (units, users) = await App.WithDbAsync(async db =>
            (await db.Units.Where(u => u.Code.StartsWith("DEMO-")).ToListAsync(), await db.Users.Where(u => u.UserName!.StartsWith("demo.")).ToListAsync()));
        Assert.True(units.Count >= 30);
        Assert.All(units, u => Assert.True(u.IsDemo));
        Assert.All(users, u => Assert.True(u.IsDemo));
        Assert.Equal(Cchc.Core.Access.Roles.All.Count, users.Count);
        Assert.True(units.Count(u => u.Type is >= UnitType.Kindergarten and <= UnitType.Centre) >= 20);
    }

    [Fact]
    public async Task The_demo_dossiers_are_marked_demo_and_cover_open_finished_and_refused_ones()
    {
        await DemoData.SeedAsync(App.Services);
        var statuses = await App.WithDbAsync(db => Cchc.Web.Features.Dossiers.DossierData.Dossiers(db).Where(d => d.IsDemo).Select(d => d.Status).ToListAsync());
        Assert.True(statuses.Count >= 30, string.Join(",", statuses));
        Assert.Contains(Cchc.Core.Dossiers.DossierStatus.InProgress, statuses);
        Assert.Contains(Cchc.Core.Dossiers.DossierStatus.Delivered, statuses);
        Assert.Contains(Cchc.Core.Dossiers.DossierStatus.Stopped, statuses);
        Assert.Contains(Cchc.Core.Dossiers.DossierStatus.AwaitingSupplement, statuses);
    }

    [Fact]
    public async Task The_demo_seeding_generates_the_period_from_2025_once_at_the_district_offices_then_the_communes()
    {
        await DemoData.SeedAsync(App.Services);
        Task<List<(string Unit, DateOnly Day)>> GeneratedAsync() => App.WithDbAsync(async db =>
            (await Cchc.Web.Features.Dossiers.DossierData.Dossiers(db).Where(d => d.IsDemo)
                .Join(db.Units, d => d.ReceivingUnitId, u => u.Id, (d, u) => new { u.Code, d.CodeDate })
                .Where(x => x.Code != DemoDossiers.DeskCode).ToListAsync()).Select(x => (x.Code, x.CodeDate)).ToList());
        var generated = await GeneratedAsync();
        // Demo:DossiersPerYear is 1 000 in the tests; the clock is 02/03/2026, so 01/01/2025–01/03/2026 is 425 days.
        Assert.Equal((int)Math.Round(1000 * 425 / 365.0), generated.Count);
        Assert.Equal(new DateOnly(2025, 1, 1), generated.Min(g => g.Day), (a, b) => Math.Abs(a.DayNumber - b.DayNumber) <= 7);
        Assert.True(generated.Max(g => g.Day) <= new DateOnly(2026, 3, 1));
        Assert.All(generated.Where(g => g.Unit.StartsWith("DEMO-PGD-", StringComparison.Ordinal)), g => Assert.True(g.Day < DemoData.Reform));
        Assert.Contains(generated, g => g.Unit.StartsWith("DEMO-VHXH-", StringComparison.Ordinal));

        Assert.False(await DemoData.SeedAsync(App.Services));
        Assert.Equal(generated.Count, (await GeneratedAsync()).Count);
    }

    [Fact]
    public async Task The_demo_tree_on_30_June_2025_has_district_offices_and_on_1_July_2025_communes()
    {
        await DemoData.SeedAsync(App.Services);
        var admin = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "demo.quantri"));
        var client = App.ClientFor(admin);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?at=2025-06-30");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?at=2025-07-01");
        string? ParentOf(JsonElement list, string code) =>
            list.EnumerateArray().SingleOrDefault(u => u.GetProperty("code").GetString() == code) is { ValueKind: JsonValueKind.Object } u
                ? u.GetProperty("parentCode").GetString() : "(absent)";

        Assert.Equal("DEMO-PGD-DS", ParentOf(before, "DEMO-TH-DS"));
        Assert.Equal("DEMO-VHXH-DS", ParentOf(after, "DEMO-TH-DS"));
        Assert.Equal("(absent)", ParentOf(before, "DEMO-XA-DS"));
        Assert.Equal("(absent)", ParentOf(after, "DEMO-PGD-DS"));
        Assert.Equal("DEMO-SGD", ParentOf(before, "DEMO-THPT-DS"));
        Assert.Equal("DEMO-SGD", ParentOf(after, "DEMO-THPT-DS"));
    }

    [Fact]
    public async Task The_demo_school_specialist_sees_only_their_school()
    {
        await DemoData.SeedAsync(App.Services);
        var specialist = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "demo.chuyenvien"));
        var units = await App.ClientFor(specialist).GetFromJsonAsync<JsonElement>("/api/v1/units");
        Assert.Equal(["DEMO-TH-DS"], units.EnumerateArray().Select(u => u.GetProperty("code").GetString()));
    }
}

public sealed class DemoDataTestsOnSqlite(SqliteApp app) : DemoDataTests(app), IClassFixture<SqliteApp>;

public sealed class DemoDataTestsOnPostgres(PostgresApp app) : DemoDataTests(app), IClassFixture<PostgresApp>;

/// <summary>The start-up switch: demo data only in Development with Demo:Enabled, never in Production.</summary>
public sealed class DemoStartupRuleTests
{
    private static IConfiguration Config(bool enabled) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Demo:Enabled", enabled ? "true" : "false")]).Build();

    [Theory]
    [InlineData("Development", true, true)]
    [InlineData("Development", false, false)]
    [InlineData("Production", true, false)]
    [InlineData("Staging", true, false)]
    public void Demo_data_is_seeded_at_start_only_in_Development_when_enabled(string environment, bool enabled, bool expected) =>
        Assert.Equal(expected, DemoData.ShouldSeedAtStart(new TestHostEnvironment(environment), Config(enabled)));
}

/// <summary>The real start-up in Production with Demo:Enabled=true seeds nothing.</summary>
public sealed class ProductionStartupTests : IAsyncLifetime
{
    private sealed class ProductionApp : TestApp
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), $"cchc-prod-{Guid.NewGuid():N}.db");
        public override string Provider => Cchc.Web.Data.DataSetup.Sqlite;
        protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>($"Data Source={_file};Foreign Keys=True;Pooling=False");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Enabled", "true");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
    }

    private sealed class DevelopmentApp : TestApp
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), $"cchc-dev-{Guid.NewGuid():N}.db");
        public override string Provider => Cchc.Web.Data.DataSetup.Sqlite;
        protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>($"Data Source={_file};Foreign Keys=True;Pooling=False");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.UseSetting("Demo:Enabled", "true");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
    }

    private readonly ProductionApp _production = new();
    private readonly DevelopmentApp _development = new();

    public async ValueTask InitializeAsync()
    {
        await _production.InitializeAsync();
        await _development.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _production.DisposeAsync();
        await _development.DisposeAsync();
    }

    [Fact]
    public async Task In_Production_nothing_is_seeded_even_when_demo_is_enabled()
    {
        var demo = await _production.WithDbAsync(async db => (await db.Units.CountAsync(u => u.IsDemo), await db.Users.CountAsync(u => u.IsDemo)));
        Assert.Equal((0, 0), demo);
    }

    [Fact]
    public async Task In_Development_with_demo_enabled_the_demo_data_is_there_after_start()
    {
        var demo = await _development.WithDbAsync(async db => (await db.Units.CountAsync(u => u.IsDemo), await db.Users.CountAsync(u => u.IsDemo)));
        Assert.True(demo.Item1 > 0);
        Assert.Equal(DemoData.Accounts.Count, demo.Item2);
    }
}
