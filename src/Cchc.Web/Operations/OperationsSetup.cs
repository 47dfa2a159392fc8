using System.Text.Json;
using Cchc.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cchc.Web.Operations;

/// <summary>What running CCHC on one or several nodes needs (docs/operations.md): health, logs, shared keys.</summary>
public static class OperationsSetup
{
    public const string DataProtectionApplicationName = "cchc";

    public static void AddCchcOperations(this WebApplicationBuilder builder)
    {
        // Logging:Json=true → one JSON object per line on stdout, for journald/Docker/a log shipper.
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
                o.JsonWriterOptions = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
            });
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // Keys in the database: any node can read a cookie or antiforgery token another node wrote.
        builder.Services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
    }

    /// <summary>GET /health: 200 {"status":"Healthy"} when the database answers a query, 503 otherwise; anonymous.</summary>
    public static void MapCchcOperations(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (http, report) =>
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
            },
        }).AllowAnonymous().DisableHttpMetrics();
}

/// <summary>Asks the database a real question (is there a unit?), which needs the server, the schema and the credentials.</summary>
public sealed class DatabaseHealthCheck(CchcDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Units.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reason goes to the log only: /health is anonymous and must not reveal the database's details.
            return new HealthCheckResult(context.Registration.FailureStatus, "Database unreachable", e);
        }
    }
}
