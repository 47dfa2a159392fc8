using Cchc.Core.Dossiers;
using Cchc.Core.Indicators;
using Cchc.Web.Data;
using Cchc.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Indicators.Rollups;

/// <summary>
/// Keeps the dossier roll-ups in step with every dossier change, in the same transaction: for each added,
/// changed or deleted dossier it takes the stamp it had (as stored: original values, so a retried save
/// subtracts the right thing), computes its stamp now, and adds the difference as delta rows.
/// </summary>
public sealed class DossierRollupHook(CalendarProvider calendars) : ISaveHook
{
    public bool Owns(object entity) => entity is DossierRollupDelta;

    public async Task BeforeSaveAsync(CchcDb db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries<Dossier>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Count == 0) return;

        DossierClock? clock = null;
        var deltas = new DossierRollupChanges();
        foreach (var entry in entries)
        {
            var before = entry.State == EntityState.Added ? DossierRollupStamp.None : Stored(entry);
            var after = DossierRollupStamp.None;
            if (entry.State != EntityState.Deleted)
            {
                if (entry.State == EntityState.Modified && !entry.Collection(d => d.Supplements).IsLoaded)
                    await entry.Collection(d => d.Supplements).LoadAsync(ct);
                clock ??= new DossierClock(await calendars.GetAsync(ct));
                after = DossierRollupStamp.Of(entry.Entity, clock);
                if (after != entry.Entity.RollupStamp) entry.Entity.StampRollup(after);
            }
            if (before == after) continue;
            deltas.Add(before, -1);
            deltas.Add(after, +1);
        }
        foreach (var delta in deltas.ToRows()) db.Add(delta);
    }

    private static DossierRollupStamp Stored(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Dossier> e) =>
        e.Property(d => d.RollupUnitId).OriginalValue is { } unit
            ? new DossierRollupStamp(unit, e.Property(d => d.RollupProcedureId).OriginalValue ?? 0, e.Property(d => d.RollupReceivedOn).OriginalValue,
                e.Property(d => d.RollupFinishedOn).OriginalValue, e.Property(d => d.RollupFlags).OriginalValue)
            : DossierRollupStamp.None;
}

/// <summary>Stamps added and subtracted, summed per (unit, procedure, day): what one save or one rebuild writes.</summary>
public sealed class DossierRollupChanges
{
    private readonly Dictionary<(int Unit, int Procedure, DateOnly Day), DossierCounts> _rows = [];

    public IReadOnlyDictionary<(int Unit, int Procedure, DateOnly Day), DossierCounts> Rows => _rows;

    public void Add(DossierRollupStamp stamp, long sign)
    {
        if (stamp.ReceivedOn is { } received) At(stamp.UnitId, stamp.ProcedureId, received).Add(stamp.Counts(finish: false), sign);
        if (stamp.FinishedOn is { } finished) At(stamp.UnitId, stamp.ProcedureId, finished).Add(stamp.Counts(finish: true), sign);
    }

    public IEnumerable<DossierRollupDelta> ToRows() =>
        _rows.Where(r => !r.Value.IsZero).Select(r => DossierRollupDelta.Of(r.Key.Unit, r.Key.Procedure, r.Key.Day, r.Value));

    private DossierCounts At(int unit, int procedure, DateOnly day)
    {
        if (!_rows.TryGetValue((unit, procedure, day), out var counts)) _rows[(unit, procedure, day)] = counts = new DossierCounts();
        return counts;
    }
}
