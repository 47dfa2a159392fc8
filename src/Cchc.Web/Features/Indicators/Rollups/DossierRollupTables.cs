using System.Reflection;
using Cchc.Core.Indicators;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Indicators.Rollups;

/// <summary>
/// The counter columns of a roll-up row, one per <see cref="DossierCounter"/> with the same name, so that the
/// raw SQL of <see cref="DossierRollupStore"/> can list them from the enum.
/// </summary>
public abstract class DossierCountColumns
{
    private static readonly PropertyInfo[] Columns = DossierCounts.All
        .Select(c => typeof(DossierCountColumns).GetProperty(c.ToString()) ?? throw new InvalidOperationException($"No column for {c}."))
        .ToArray();

    public int Received { get; set; }
    public int ReceivedOnline { get; set; }
    public int ReceivedByPost { get; set; }
    public int OfOnlineProcedure { get; set; }
    public int OnlineOfOnlineProcedure { get; set; }
    public int FeeBearing { get; set; }
    public int PaidOnline { get; set; }
    public int InterAgency { get; set; }
    public int TransferredElectronically { get; set; }
    public int DataReused { get; set; }
    public int Finished { get; set; }
    public int Early { get; set; }
    public int OnTime { get; set; }
    public int Late { get; set; }
    public int ResultIssued { get; set; }
    public int ReturnedByPost { get; set; }
    public int ResultDigitised { get; set; }
    public int LateWithApology { get; set; }

    public void SetCounts(DossierCounts counts)
    {
        foreach (var c in DossierCounts.All) Columns[(int)c].SetValue(this, checked((int)counts[c]));
    }

    public DossierCounts ToCounts()
    {
        var counts = new DossierCounts();
        foreach (var c in DossierCounts.All) counts[c] = (int)Columns[(int)c].GetValue(this)!;
        return counts;
    }
}

/// <summary>A unit's dossiers of one procedure on one day (receipt counters by receipt day, finish counters by finish day).</summary>
public sealed class DossierRollupDay : DossierCountColumns
{
    public DateOnly Day { get; set; }
    public int UnitId { get; set; }
    public int ProcedureId { get; set; }
}

/// <summary>The same for a calendar month (<see cref="Month"/> is its first day): what a dashboard over months reads.</summary>
public sealed class DossierRollupMonth : DossierCountColumns
{
    public DateOnly Month { get; set; }
    public int UnitId { get; set; }
    public int ProcedureId { get; set; }
}

/// <summary>
/// A change of the roll-ups not yet folded into them: written in the transaction of the dossier change
/// (inserts only, so that concurrent intakes never wait for each other on a hot roll-up row), folded by
/// <see cref="RollupWorker"/>; readers add the pending deltas to the rows, so figures are exact at any time.
/// </summary>
public sealed class DossierRollupDelta : DossierCountColumns
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public int UnitId { get; set; }
    public int ProcedureId { get; set; }

    public static DossierRollupDelta Of(int unitId, int procedureId, DateOnly day, DossierCounts counts)
    {
        var delta = new DossierRollupDelta { UnitId = unitId, ProcedureId = procedureId, Day = day };
        delta.SetCounts(counts);
        return delta;
    }
}

public static class DossierRollupData
{
    public const string DaysTable = "dossier_rollup_days";
    public const string MonthsTable = "dossier_rollup_months";
    public const string DeltasTable = "dossier_rollup_deltas";

    public static DbSet<DossierRollupDay> DossierRollupDays(this CchcDb db) => db.Set<DossierRollupDay>();

    public static DbSet<DossierRollupMonth> DossierRollupMonths(this CchcDb db) => db.Set<DossierRollupMonth>();

    public static DbSet<DossierRollupDelta> DossierRollupDeltas(this CchcDb db) => db.Set<DossierRollupDelta>();
}

// Keys start with the date: every read and every fold selects a date range first.
internal sealed class DossierRollupDayConfiguration : IEntityTypeConfiguration<DossierRollupDay>
{
    public void Configure(EntityTypeBuilder<DossierRollupDay> b)
    {
        b.ToTable(DossierRollupData.DaysTable);
        b.HasKey(r => new { r.Day, r.UnitId, r.ProcedureId });
    }
}

internal sealed class DossierRollupMonthConfiguration : IEntityTypeConfiguration<DossierRollupMonth>
{
    public void Configure(EntityTypeBuilder<DossierRollupMonth> b)
    {
        b.ToTable(DossierRollupData.MonthsTable);
        b.HasKey(r => new { r.Month, r.UnitId, r.ProcedureId });
    }
}

internal sealed class DossierRollupDeltaConfiguration : IEntityTypeConfiguration<DossierRollupDelta>
{
    public void Configure(EntityTypeBuilder<DossierRollupDelta> b)
    {
        b.ToTable(DossierRollupData.DeltasTable);
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.Day);
    }
}
