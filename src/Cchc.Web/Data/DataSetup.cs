using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Data;

public static class DataSetup
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Registers <see cref="CchcDb"/> for the configured provider (Database:Provider, ConnectionStrings:Cchc).</summary>
    public static void AddCchcData(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Audit.IAuditActor, Audit.HttpAuditActor>();
        var config = builder.Configuration;
        var provider = (config["Database:Provider"] ?? Sqlite).Trim().ToLowerInvariant();
        var connection = config.GetConnectionString("Cchc");

        switch (provider)
        {
            case Sqlite:
                connection = string.IsNullOrWhiteSpace(connection) ? DefaultSqlite(config, builder.Environment) : connection;
                builder.Services.AddDbContext<CchcDb, SqliteCchcDb>(o => o.UseSqlite(connection));
                break;
            case Postgres or "postgresql":
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider=postgres needs ConnectionStrings:Cchc (ConnectionStrings__Cchc).");
                builder.Services.AddDbContext<CchcDb, PostgresCchcDb>(o => o.UseNpgsql(connection));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'; use sqlite or postgres.");
        }
    }

    private static string DefaultSqlite(IConfiguration config, IHostEnvironment env)
    {
        var folder = config["Database:DataFolder"] ?? "data";
        if (!Path.IsPathRooted(folder)) folder = Path.Combine(env.ContentRootPath, folder);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "cchc.db"), ForeignKeys = true, Pooling = true }.ToString();
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL so readers never wait for writers.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDb>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }
}
