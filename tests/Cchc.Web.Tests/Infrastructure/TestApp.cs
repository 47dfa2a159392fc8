using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Infrastructure;

/// <summary>
/// The application over a real database of its own: a temporary SQLite file (<see cref="SqliteApp"/>) or
/// a database on the run's private PostgreSQL server (<see cref="PostgresApp"/>). Tests create their own
/// data through <see cref="InsertAsync{T}"/> and <see cref="Make"/> and never assume empty tables.
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>The scheme the product authenticates with when no test header is sent.</summary>
    private static string ProductScheme { get; set; } = IdentityConstants.ApplicationScheme;

    /// <summary>Monday 02/03/2026 09:00 in Hà Nội.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    public abstract string Provider { get; }

    /// <summary>False only on a developer's machine without PostgreSQL; tests then skip (never in CI).</summary>
    public bool Available => _connectionString is not null;

    protected abstract Task<string?> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        if (_connectionString is null) return;
        _ = Services; // starts the host: migrations and first-start records run now
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Cchc", _connectionString);
        builder.UseSetting("Demo:Enabled", "false");
        // The demo's generated period stays small in tests (the product's default is 100 000 a year).
        builder.UseSetting("Demo:DossiersPerYear", "1000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null)
                // The test login: requests carrying the test header are that user; all others go the product's way.
                .AddPolicyScheme(TestAuthHandler.Selector, null, o => o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.ContainsKey(TestAuthHandler.Header) ? TestAuthHandler.SchemeName : ProductScheme);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                ProductScheme = o.DefaultAuthenticateScheme ?? IdentityConstants.ApplicationScheme;
                o.DefaultAuthenticateScheme = TestAuthHandler.Selector;
            });
        });
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/> (no redirects followed, cookies kept).</summary>
    public HttpClient ClientFor(AppUser user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T> InsertAsync<T>(T entity) where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDb>();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    public async Task<T?> FindAsync<T>(params object[] key) where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDb>();
        return await db.Set<T>().FindAsync(key);
    }

    /// <summary>Runs <paramref name="work"/> with a fresh DbContext (reads see the database, not a cache).</summary>
    public async Task<TResult> WithDbAsync<TResult>(Func<CchcDb, Task<TResult>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CchcDb>());
    }

    public async Task WithDbAsync(Func<CchcDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<CchcDb>());
    }

    public async Task<TResult> WithServicesAsync<TResult>(Func<IServiceProvider, Task<TResult>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

public sealed class SqliteApp : TestApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cchc-test-{Guid.NewGuid():N}.db");

    public override string Provider => DataSetup.Sqlite;

    protected override Task<string?> CreateDatabaseAsync() =>
        Task.FromResult<string?>($"Data Source={_file};Foreign Keys=True;Pooling=False");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}

public sealed class PostgresApp : TestApp
{
    public override string Provider => DataSetup.Postgres;

    protected override Task<string?> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();
}
