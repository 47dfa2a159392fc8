using System.Data.Common;
using Cchc.Core.Dossiers;
using Cchc.Core.Indicators;
using Cchc.Web.Data;
using Cchc.Web.Features.Calendar;
using Cchc.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cchc.Web.Features.Indicators.Rollups;

/// <summary>One row read back: a unit's dossiers of a procedure in a bucket (a day, or the month starting on <see cref="Bucket"/>).</summary>
public sealed record RollupRow(int UnitId, int ProcedureId, DateOnly Bucket, bool IsMonth, DossierCounts Counts)
{
    public DateOnly LastDay => IsMonth ? Bucket.AddMonths(1).AddDays(-1) : Bucket;
}

/// <summary>A difference found by <see cref="DossierRollupStore.ReconcileAsync"/>: what the dossiers give and what the roll-up holds.</summary>
public sealed record RollupMismatch(string Table, int UnitId, int ProcedureId, DateOnly Bucket, DossierCounts Expected, DossierCounts Actual);

public sealed record RollupReconciliation(int Dossiers, int StaleStamps, int DayRows, int MonthRows, int PendingDeltas, IReadOnlyList<RollupMismatch> Mismatches)
{
    public bool Matches => Mismatches.Count == 0 && StaleStamps == 0;
}

/// <summary>
/// The dossier roll-up tables (docs/indicators.md "Dossier roll-ups"): <c>dossier_rollup_days</c> and
/// <c>dossier_rollup_months</c> (unit × procedure × day / month) plus the pending <c>dossier_rollup_deltas</c>.
/// Reads add the pending deltas, so a figure is exact whether or not they are folded yet; a fold moves them
/// into the rows in one transaction. <see cref="ReconcileAsync"/> recomputes everything from the dossiers and
/// compares; <see cref="RebuildAsync"/> restamps every dossier and rewrites the tables from the stamps.
/// </summary>
public sealed class DossierRollupStore(CchcDb db, CalendarProvider calendars)
{
    /// <summary>Advisory lock key on PostgreSQL ("CCHCROLL"): one node folds at a time.</summary>
    public const long LockKey = 0x43434843524F4C4C;

    private static readonly string[] Counters = DossierCounts.All.Select(c => $"\"{c}\"").ToArray();
    private static readonly string ColumnList = string.Join(", ", Counters);
    private static readonly string SumList = string.Join(", ", Counters.Select(c => $"SUM({c})"));

    private bool Postgres => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    // ── fold ────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Moves the pending deltas into the day and month rows; returns how many deltas it moved (0 when another node folds).</summary>
    public async Task<int> FoldAsync(CancellationToken ct)
    {
        if (!await db.DossierRollupDeltas().AnyAsync(ct)) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int moved;
        if (Postgres)
        {
            if (!await ScalarAsync<bool>($"SELECT pg_try_advisory_xact_lock({LockKey})", ct)) return 0;
            // One statement, one snapshot: exactly the deltas it deletes are added, even while intakes go on.
            moved = await ExecuteAsync($"""
                WITH moved AS (DELETE FROM {DossierRollupData.DeltasTable} RETURNING *),
                days AS (
                    INSERT INTO {DossierRollupData.DaysTable} ("Day", "UnitId", "ProcedureId", {ColumnList})
                    SELECT "Day", "UnitId", "ProcedureId", {SumList} FROM moved GROUP BY "Day", "UnitId", "ProcedureId"
                    ON CONFLICT ("Day", "UnitId", "ProcedureId") DO UPDATE SET {Accumulate(DossierRollupData.DaysTable)}
                    RETURNING 1)
                INSERT INTO {DossierRollupData.MonthsTable} ("Month", "UnitId", "ProcedureId", {ColumnList})
                SELECT date_trunc('month', "Day")::date, "UnitId", "ProcedureId", {SumList} FROM moved
                GROUP BY date_trunc('month', "Day")::date, "UnitId", "ProcedureId"
                ON CONFLICT ("Month", "UnitId", "ProcedureId") DO UPDATE SET {Accumulate(DossierRollupData.MonthsTable)}
                """, ct);
        }
        else
        {
            // SQLite has one writer at a time: inside this write transaction nothing else adds deltas.
            var max = await ScalarAsync<long>($"SELECT MAX(\"Id\") FROM {DossierRollupData.DeltasTable}", ct);
            await ExecuteAsync($"""
                INSERT INTO {DossierRollupData.DaysTable} ("Day", "UnitId", "ProcedureId", {ColumnList})
                SELECT "Day", "UnitId", "ProcedureId", {SumList} FROM {DossierRollupData.DeltasTable} WHERE "Id" <= {max}
                GROUP BY "Day", "UnitId", "ProcedureId"
                ON CONFLICT ("Day", "UnitId", "ProcedureId") DO UPDATE SET {Accumulate(null)};
                INSERT INTO {DossierRollupData.MonthsTable} ("Month", "UnitId", "ProcedureId", {ColumnList})
                SELECT substr("Day", 1, 8) || '01', "UnitId", "ProcedureId", {SumList} FROM {DossierRollupData.DeltasTable} WHERE "Id" <= {max}
                GROUP BY substr("Day", 1, 8), "UnitId", "ProcedureId"
                ON CONFLICT ("Month", "UnitId", "ProcedureId") DO UPDATE SET {Accumulate(null)};
                """, ct);
            moved = await ExecuteAsync($"DELETE FROM {DossierRollupData.DeltasTable} WHERE \"Id\" <= {max}", ct);
        }
        await tx.CommitAsync(ct);
        return moved;
    }

    private static string Accumulate(string? table) =>
        string.Join(", ", Counters.Select(c => $"{c} = {(table is null ? "" : table + ".")}{c} + excluded.{c}"));

    // ── read ────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// The rows of the given whole months (from the month table) and day ranges (from the day table), with the
    /// pending deltas of the window [<paramref name="from"/>, <paramref name="to"/>] as day rows; one statement,
    /// so it sees one state of the tables even while a fold runs.
    /// </summary>
    public async Task<IReadOnlyList<RollupRow>> ReadAsync(DateOnly from, DateOnly to, IReadOnlyList<DateOnly> months,
        IReadOnlyList<(DateOnly From, DateOnly To)> dayRanges, CancellationToken ct)
    {
        var parameters = new List<(string Name, DateOnly Value)>();
        string P(DateOnly value)
        {
            var name = $"@p{parameters.Count}";
            parameters.Add((name, value));
            return name;
        }

        var parts = new List<string>();
        if (months.Count > 0)
            parts.Add($"SELECT \"UnitId\", \"ProcedureId\", \"Month\" AS \"Bucket\", 1 AS \"IsMonth\", {ColumnList} FROM {DossierRollupData.MonthsTable} " +
                $"WHERE \"Month\" IN ({string.Join(", ", months.Select(P))})");
        if (dayRanges.Count > 0)
            parts.Add($"SELECT \"UnitId\", \"ProcedureId\", \"Day\" AS \"Bucket\", 0 AS \"IsMonth\", {ColumnList} FROM {DossierRollupData.DaysTable} " +
                $"WHERE {string.Join(" OR ", dayRanges.Select(r => $"(\"Day\" >= {P(r.From)} AND \"Day\" <= {P(r.To)})"))}");
        parts.Add($"SELECT \"UnitId\", \"ProcedureId\", \"Day\" AS \"Bucket\", 0 AS \"IsMonth\", {ColumnList} FROM {DossierRollupData.DeltasTable} " +
            $"WHERE \"Day\" >= {P(from)} AND \"Day\" <= {P(to)}");
        var sql = $"SELECT \"UnitId\", \"ProcedureId\", \"Bucket\", MAX(\"IsMonth\"), {SumList} FROM ({string.Join(" UNION ALL ", parts)}) x " +
            "GROUP BY \"UnitId\", \"ProcedureId\", \"Bucket\"";

        var rows = new List<RollupRow>();
        await using var command = await CommandAsync(sql, ct);
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new RollupRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), Convert.ToInt64(reader.GetValue(3)) == 1,
                ReadCounts(reader, 4)));
        return rows;
    }

    private static DossierCounts ReadCounts(DbDataReader reader, int first)
    {
        var counts = new DossierCounts();
        foreach (var c in DossierCounts.All) counts[c] = reader.IsDBNull(first + (int)c) ? 0 : Convert.ToInt64(reader.GetValue(first + (int)c));
        return counts;
    }

    // ── rebuild ─────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Gives every dossier the stamp it has by the rules and calendar of today, through the normal save (so the
    /// roll-ups follow by deltas, and a dossier edited meanwhile is simply skipped: its own save restamped it).
    /// <paramref name="receivedFrom"/> limits it to dossiers received from that day (a calendar change).
    /// </summary>
    /// <param name="unstampedOnly">Only received dossiers without a stamp: those of a database upgraded from before the roll-ups.</param>
    public async Task<int> RestampAsync(DateOnly? receivedFrom, CancellationToken ct, bool unstampedOnly = false)
    {
        var clock = new DossierClock(await calendars.GetAsync(ct));
        var fromUtc = receivedFrom is { } day ? Cchc.Core.Calendar.VietnamTime.ToUtc(day, TimeOnly.MinValue) : (DateTime?)null;
        int changed = 0, lastId = 0;
        while (true)
        {
            var batch = await db.Dossiers().Include(d => d.Supplements)
                .Where(d => d.Id > lastId && (fromUtc == null || d.ReceivedAtUtc >= fromUtc)
                    && (!unstampedOnly || (d.ReceivedAtUtc != null && d.RollupUnitId == null)))
                .OrderBy(d => d.Id).Take(2000).ToListAsync(ct);
            if (batch.Count == 0) break;
            lastId = batch[^1].Id;
            foreach (var d in batch)
            {
                var stamp = DossierRollupStamp.Of(d, clock);
                if (stamp == d.RollupStamp) continue;
                d.StampRollup(stamp);
                changed++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed one of these dossiers meanwhile: that save stamped it; the others are redone next time.
            }
            db.ChangeTracker.Clear();
        }
        return changed;
    }

    /// <summary>
    /// Rewrites the day and month tables from the dossiers' stamps (after a bulk load, or to repair the tables),
    /// with writers of deltas held off meanwhile so that nothing is lost or counted twice.
    /// </summary>
    public async Task RebuildFromStampsAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (Postgres) await ExecuteAsync($"LOCK TABLE {DossierRollupData.DeltasTable} IN EXCLUSIVE MODE", ct);
        string Bits(int first, int last, bool on) => string.Join(", ", DossierCounts.All.Select(c =>
            (int)c >= first && (int)c <= last && on ? $"((\"RollupFlags\" >> {(int)c}) & 1) AS {Counters[(int)c]}" : $"0 AS {Counters[(int)c]}"));
        int f = (int)DossierCounter.Finished, l = DossierCounts.Length - 1;
        var month = Postgres ? "date_trunc('month', \"Day\")::date" : "substr(\"Day\", 1, 8) || '01'";
        await ExecuteAsync($"""
            DELETE FROM {DossierRollupData.DeltasTable};
            DELETE FROM {DossierRollupData.DaysTable};
            DELETE FROM {DossierRollupData.MonthsTable};
            INSERT INTO {DossierRollupData.DaysTable} ("Day", "UnitId", "ProcedureId", {ColumnList})
            SELECT "Day", "UnitId", "ProcedureId", {SumList} FROM (
                SELECT "RollupReceivedOn" AS "Day", "RollupUnitId" AS "UnitId", "RollupProcedureId" AS "ProcedureId", {Bits(0, f - 1, true)}
                FROM dossiers WHERE "RollupReceivedOn" IS NOT NULL
                UNION ALL
                SELECT "RollupFinishedOn", "RollupUnitId", "RollupProcedureId", {Bits(f, l, true)}
                FROM dossiers WHERE "RollupFinishedOn" IS NOT NULL) x
            GROUP BY "Day", "UnitId", "ProcedureId";
            INSERT INTO {DossierRollupData.MonthsTable} ("Month", "UnitId", "ProcedureId", {ColumnList})
            SELECT {month}, "UnitId", "ProcedureId", {SumList} FROM {DossierRollupData.DaysTable}
            GROUP BY {month}, "UnitId", "ProcedureId";
            """, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Restamps every dossier, then rewrites the tables from the stamps: the repair of `reconcile-rollups --fix`.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        await RestampAsync(null, ct);
        await RebuildFromStampsAsync(ct);
    }

    // ── reconcile ───────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Recomputes what the roll-ups must hold from the dossiers alone (their stamps recomputed by today's rules,
    /// not the stored ones) and compares with the tables plus pending deltas, row by row. Changes nothing.
    /// </summary>
    public async Task<RollupReconciliation> ReconcileAsync(CancellationToken ct)
    {
        var clock = new DossierClock(await calendars.GetAsync(ct));
        var expected = new DossierRollupChanges();
        int dossiers = 0, stale = 0, lastId = 0;
        while (true)
        {
            var batch = await db.Dossiers().AsNoTracking().Include(d => d.Supplements)
                .Where(d => d.Id > lastId).OrderBy(d => d.Id).Take(5000).ToListAsync(ct);
            if (batch.Count == 0) break;
            lastId = batch[^1].Id;
            foreach (var d in batch)
            {
                var stamp = DossierRollupStamp.Of(d, clock);
                if (stamp != d.RollupStamp) stale++;
                expected.Add(stamp, 1);
                dossiers++;
            }
        }

        // Both sides as day rows and month rows (a pending delta belongs to both).
        var expectedDays = expected.Rows.Where(r => !r.Value.IsZero).ToDictionary(r => r.Key, r => r.Value);
        var expectedMonths = ByMonth(expectedDays);
        var deltas = await db.DossierRollupDeltas().AsNoTracking().ToListAsync(ct);
        var actualDays = new Dictionary<(int, int, DateOnly), DossierCounts>();
        var dayRows = await db.DossierRollupDays().AsNoTracking().ToListAsync(ct);
        foreach (var r in dayRows) Accumulate(actualDays, (r.UnitId, r.ProcedureId, r.Day), r.ToCounts());
        foreach (var r in deltas) Accumulate(actualDays, (r.UnitId, r.ProcedureId, r.Day), r.ToCounts());
        var actualMonths = new Dictionary<(int, int, DateOnly), DossierCounts>();
        var monthRows = await db.DossierRollupMonths().AsNoTracking().ToListAsync(ct);
        foreach (var r in monthRows) Accumulate(actualMonths, (r.UnitId, r.ProcedureId, r.Month), r.ToCounts());
        foreach (var r in deltas) Accumulate(actualMonths, (r.UnitId, r.ProcedureId, FirstOfMonth(r.Day)), r.ToCounts());

        var mismatches = Compare(DossierRollupData.DaysTable, expectedDays, actualDays)
            .Concat(Compare(DossierRollupData.MonthsTable, expectedMonths, actualMonths)).ToList();
        return new RollupReconciliation(dossiers, stale, dayRows.Count, monthRows.Count, deltas.Count, mismatches);
    }

    private static Dictionary<(int, int, DateOnly), DossierCounts> ByMonth(Dictionary<(int Unit, int Procedure, DateOnly Day), DossierCounts> days)
    {
        var months = new Dictionary<(int, int, DateOnly), DossierCounts>();
        foreach (var ((unit, procedure, day), counts) in days) Accumulate(months, (unit, procedure, FirstOfMonth(day)), counts);
        return months;
    }

    private static void Accumulate(Dictionary<(int, int, DateOnly), DossierCounts> into, (int, int, DateOnly) key, DossierCounts counts)
    {
        if (!into.TryGetValue(key, out var sum)) into[key] = sum = new DossierCounts();
        sum.Add(counts);
    }

    private static IEnumerable<RollupMismatch> Compare(string table, Dictionary<(int Unit, int Procedure, DateOnly Day), DossierCounts> expected,
        Dictionary<(int Unit, int Procedure, DateOnly Day), DossierCounts> actual)
    {
        var none = new DossierCounts();
        foreach (var key in expected.Keys.Union(actual.Keys).Order())
        {
            var e = expected.GetValueOrDefault(key) ?? none;
            var a = actual.GetValueOrDefault(key) ?? none;
            if (!e.Equals(a)) yield return new RollupMismatch(table, key.Unit, key.Procedure, key.Day, e, a);
        }
    }

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    // ── plumbing ────────────────────────────────────────────────────────────────────────────────────────

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, ct);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, ct);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
