using Cchc.Web.Data;
using Cchc.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Indicators.Rollups;

/// <summary>Rollups:FoldSeconds (0 = never: only the `reconcile-rollups` command and the readers' own addition of deltas).</summary>
public sealed class RollupOptions
{
    public const string Section = "Rollups";

    public int FoldSeconds { get; set; } = 2;
}

/// <summary>
/// Folds the pending roll-up deltas every few seconds (on PostgreSQL one node at a time, by advisory lock),
/// and restamps the dossiers a calendar edit may reclassify: when the set of calendar adjustments differs
/// from the one it saw last, those received from 400 days before the earliest changed date (the longest
/// processing times are months, not years).
/// </summary>
public sealed class RollupWorker(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<RollupOptions> options, ILogger<RollupWorker> log)
    : BackgroundService
{
    private static readonly TimeSpan CalendarCheck = TimeSpan.FromMinutes(1);
    private HashSet<(DateOnly, int)>? _adjustments;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.FoldSeconds <= 0) return;
        var interval = TimeSpan.FromSeconds(options.Value.FoldSeconds);
        var lastCalendarCheck = DateTime.MinValue;
        var upgraded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<DossierRollupStore>();
                if (!upgraded)
                {
                    // Dossiers stored before the roll-ups existed (an upgraded database) get their stamp once.
                    var stamped = await store.RestampAsync(null, stoppingToken, unstampedOnly: true);
                    if (stamped > 0) log.LogInformation("{Count} dossiers from before the roll-ups were added to them.", stamped);
                    upgraded = true;
                }
                await store.FoldAsync(stoppingToken);
                if (DateTime.UtcNow - lastCalendarCheck > CalendarCheck)
                {
                    lastCalendarCheck = DateTime.UtcNow;
                    await RestampAfterCalendarEditAsync(scope.ServiceProvider, store, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is briefly unreachable must not stop the web app: the deltas wait and are folded later.
                log.LogWarning(e, "Folding the dossier roll-ups failed; retrying.");
            }
        }
    }

    private async Task RestampAfterCalendarEditAsync(IServiceProvider services, DossierRollupStore store, CancellationToken ct)
    {
        var db = services.GetRequiredService<CchcDb>();
        var now = (await db.CalendarAdjustments().AsNoTracking().Select(a => new { a.Date, a.Kind }).ToListAsync(ct))
            .Select(a => (a.Date, (int)a.Kind)).ToHashSet();
        var before = _adjustments;
        _adjustments = now;
        if (before is null || before.SetEquals(now)) return;
        var earliest = before.Union(now).Except(before.Intersect(now)).Min(a => a.Item1);
        services.GetRequiredService<CalendarProvider>().Invalidate();
        var changed = await store.RestampAsync(earliest.AddDays(-400), ct);
        log.LogInformation("Calendar changed from {Date}: {Count} dossiers restamped for the roll-ups.", earliest, changed);
    }
}

public static class RollupsSetup
{
    public static void AddDossierRollups(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RollupOptions>(builder.Configuration.GetSection(RollupOptions.Section));
        builder.Services.AddScoped<ISaveHook, DossierRollupHook>();
        builder.Services.AddScoped<DossierRollupStore>();
        builder.Services.AddHostedService<RollupWorker>();
    }
}
