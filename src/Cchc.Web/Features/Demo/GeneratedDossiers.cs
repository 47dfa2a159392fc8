using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Web.Data;
using Cchc.Web.Features.Calendar;
using Cchc.Web.Features.Dossiers;
using Cchc.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Demo;

/// <summary>What one generation run stored.</summary>
public sealed record GenerationResult(int Dossiers, int Unnumbered, BulkInsertResult Insert)
{
    public double DossiersPerSecond => Insert.Elapsed.TotalSeconds > 0 ? Dossiers / Insert.Elapsed.TotalSeconds : 0;
    public double RowsPerSecond => Insert.Elapsed.TotalSeconds > 0 ? Insert.Rows / Insert.Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Runs <see cref="DossierYear"/> against the database: reads the demo units, catalogue and the sequences of the
/// day already used, and bulk-inserts the dossiers (<see cref="BulkInsert"/>). Used by the demo seeding and by
/// the `generate-dossiers` command (docs/dossiers.md, "Generated demo year").
/// </summary>
public static class GeneratedDossiers
{
    public const int DefaultPerYear = 100_000;
    public const int DefaultSeed = 2025;

    /// <summary>The demo period starts here and runs to yesterday.</summary>
    public static readonly DateOnly DemoFrom = new(2025, 1, 1);

    /// <summary>Generates and stores the dossiers of <paramref name="settings"/> over the demo units and catalogue.</summary>
    public static async Task<GenerationResult> RunAsync(IServiceProvider services, DossierYearSettings settings, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDb>();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarProvider>().GetAsync(ct);
        var source = await LoadSourceAsync(db, calendar, settings.From, settings.To, ct);
        var year = new DossierYear(source, settings);
        // Each dossier carries its roll-up stamp, as a normal save would give it (DossierRollupHook).
        var clock = new DossierClock(calendar);
        var stamped = year.Generate().Select(d =>
        {
            d.StampRollup(Cchc.Core.Indicators.DossierRollupStamp.Of(d, clock));
            return d;
        });
        var insert = await BulkInsert.InsertAsync(db, stamped, BulkInsert.DefaultBatchSize, ct);

        // The bulk insert bypassed CchcDb.SaveChanges and its hooks: the roll-up tables are rewritten from the
        // stamps of all dossiers, the new ones included (docs/indicators.md, "Dossier roll-ups").
        await scope.ServiceProvider.GetRequiredService<Indicators.Rollups.DossierRollupStore>().RebuildFromStampsAsync(ct);

        return new GenerationResult(year.Generated, year.Unnumbered, insert);
    }

    /// <summary>The demo units and catalogue, and the last sequence of the day per (receiving unit, code date) in the period.</summary>
    public static async Task<DossierYearSource> LoadSourceAsync(CchcDb db, WorkingCalendar calendar, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.IsDemo && u.Code.StartsWith("DEMO-")).ToListAsync(ct);
        var procedures = await db.Procedures().AsNoTracking().Where(p => p.IsDemo && p.Code.StartsWith("DEMO.")).ToListAsync(ct);
        var sequences = await db.Dossiers().Where(d => d.CodeDate >= from && d.CodeDate <= to)
            .GroupBy(d => new { d.ReceivingUnitId, d.CodeDate })
            .Select(g => new { g.Key.ReceivingUnitId, g.Key.CodeDate, Last = g.Max(d => d.Sequence) })
            .ToListAsync(ct);
        return new DossierYearSource(calendar, procedures,
            [.. units.Select(u => new DemoDesk(u.Id, u.Code, u.Name, DossierService.AgencyCode(u), u.ValidFrom, u.ValidTo))],
            sequences.ToDictionary(s => (s.ReceivingUnitId, s.CodeDate), s => s.Last));
    }

    /// <summary>
    /// The demo's generated period, 01/01/2025 to yesterday at <c>Demo:DossiersPerYear</c> (default 100 000) a
    /// year; once: not when generated dossiers are there (any demo dossier outside the hand-made desk's).
    /// </summary>
    public static async Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        int perYear = services.GetRequiredService<IConfiguration>().GetValue("Demo:DossiersPerYear", DefaultPerYear);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var to = VietnamTime.LocalDate(now).AddDays(-1);
        if (perYear <= 0 || to < DemoFrom) return false;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CchcDb>();
            var handMade = await db.Units.Where(u => u.Code == DemoDossiers.DeskCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (await db.Dossiers().AnyAsync(d => d.IsDemo && d.ReceivingUnitId != handMade, ct)) return false;
        }
        int count = (int)Math.Round(perYear * (to.DayNumber - DemoFrom.DayNumber + 1) / 365.0);
        var result = await RunAsync(services, new DossierYearSettings(DemoFrom, to, count, DefaultSeed, now), ct);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GeneratedDossiers)).LogInformation(
            "Demo: generated {Dossiers} dossiers ({Rows} rows) from {From} to {To} in {Seconds:0.0} s ({PerSecond:0} dossiers/s; writing {Writing:0.0} s)",
            result.Dossiers, result.Insert.Rows, DemoFrom, to, result.Insert.Elapsed.TotalSeconds, result.DossiersPerSecond, result.Insert.Writing.TotalSeconds);
        return result.Dossiers > 0;
    }
}

/// <summary>
/// Writes the demo's generated dossiers once the server is up (Development with Demo:Enabled only): on this
/// machine the SQLite demo year takes the better part of a minute to write, and the demo is usable meanwhile —
/// plans, tasks, the desk and the hand-made dossiers are there at once; the dossier figures fill in when it ends.
/// </summary>
public sealed class DemoYearService(IServiceProvider services, IHostApplicationLifetime lifetime, IHostEnvironment environment,
    IConfiguration configuration, ILogger<DemoYearService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!DemoData.ShouldSeedAtStart(environment, configuration)) return;
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
        try
        {
            log.LogInformation("Demo: writing the generated dossiers in the background; the dossier figures appear when it ends.");
            await GeneratedDossiers.SeedDemoAsync(services, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Demo: generating the dossiers failed; run `seed-demo` to retry.");
        }
    }
}
