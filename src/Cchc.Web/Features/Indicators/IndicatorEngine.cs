using Cchc.Core.Indicators;
using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Indicators.Rollups;
using Cchc.Web.Features.Units;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// What a reader asks for: a unit (its code; null = the caller's own unit), alone or with its subtree, over a
/// period; optionally only one field (lĩnh vực) or one procedure (its code), for the sources that know them
/// (dossiers, the procedure catalogue).
/// </summary>
public sealed record IndicatorQuery(string? UnitCode, bool Subtree, ReportingPeriod Period, string? Field = null, string? ProcedureCode = null);

/// <summary>A field and/or procedure filter; <see cref="None"/> keeps everything.</summary>
public sealed record IndicatorFilter(string? Field, string? ProcedureCode)
{
    public static IndicatorFilter None { get; } = new(null, null);

    public bool IsEmpty => Field is null && ProcedureCode is null;

    public static IndicatorFilter Of(string? field, string? procedureCode) =>
        new(string.IsNullOrWhiteSpace(field) ? null : field.Trim(), string.IsNullOrWhiteSpace(procedureCode) ? null : procedureCode.Trim());

    /// <summary>Does a record of a procedure with this code and field pass the filter?</summary>
    public bool Keeps(string? procedureCode, string? field) =>
        (ProcedureCode is null || string.Equals(ProcedureCode, procedureCode, StringComparison.OrdinalIgnoreCase))
        && (Field is null || string.Equals(Field, field, StringComparison.Ordinal));
}

public sealed record UnitRef(int Id, string Code, string Name);

/// <summary>A unit under another in the ranking; <paramref name="Visible"/> = in the reader's subtree today, so its own overview opens.</summary>
public sealed record ChildUnit(UnitRef Unit, bool Visible);

/// <summary>
/// The unit and period one computation is for, with the organisation's history: a record of unit X dated D
/// counts when X (or the unit X's figures passed to, if X had ended by D) was the scope's unit, or — with
/// <see cref="Subtree"/> — under it, in the tree AS IT WAS on D (docs/organisation.md, UnitHistory).
/// </summary>
public sealed class IndicatorScope(CurrentUser user, UnitRef unit, bool subtree, ReportingPeriod period, DateOnly today, UnitHistory history,
    IndicatorFilter? filter = null, UnitRef? within = null)
{
    public CurrentUser User { get; } = user;
    public UnitRef Unit { get; } = unit;
    public bool Subtree { get; } = subtree;
    public ReportingPeriod Period { get; } = period;
    /// <summary>Today in Việt Nam: what is unfinished and past due by today counts against a rate.</summary>
    public DateOnly Today { get; } = today;
    public UnitHistory History { get; } = history;

    /// <summary>Field / procedure filter: sources whose records belong to a procedure honour it; the others ignore it.</summary>
    public IndicatorFilter Filter { get; } = filter ?? IndicatorFilter.None;

    /// <summary>
    /// A ranking row's parent (<see cref="ForChild"/>): a record counts only while the row's unit was under it, so
    /// that a school which left a Phòng GDĐT mid-period shows the Phòng's reader only what the Phòng's figure holds.
    /// </summary>
    public UnitRef? Within { get; } = within;

    /// <summary>Does a record of <paramref name="unitId"/> dated <paramref name="day"/> count in this scope?</summary>
    public bool Includes(int unitId, DateOnly day)
    {
        if (History.RollUpTarget(unitId, day) is not int target) return false;
        if (Within is { } parent && !History.IsWithinOn(target, parent.Id, day)) return false;
        return Subtree ? History.IsWithinOn(target, Unit.Id, day) : target == Unit.Id;
    }

    public IndicatorScope WithPeriod(ReportingPeriod period) => new(User, Unit, Subtree, period, Today, History, Filter, Within);

    public IndicatorScope WithUnit(UnitRef unit, bool subtree) => new(User, unit, subtree, Period, Today, History, Filter);

    public IndicatorScope WithFilter(IndicatorFilter filter) => new(User, Unit, Subtree, Period, Today, History, filter, Within);

    /// <summary>One row of the ranking: <paramref name="child"/> with its subtree, counting only what also counts for this scope's unit.</summary>
    public IndicatorScope ForChild(UnitRef child) => new(User, child, true, Period, Today, History, Filter, Unit);
}

/// <summary>One computed value; <see cref="Groups"/> are the same formula per field (lĩnh vực), where the source knows them.</summary>
public sealed record IndicatorFigure(IndicatorValue Value, IReadOnlyDictionary<string, double?>? Groups = null, string? Note = null);

/// <summary>One record behind a value that keeps it from 100%: a late task, a procedure not offered online, an entered figure.</summary>
public sealed record IndicatorRecord(string Label, string? UnitName, string? Detail, string Reason, string? Link);

/// <summary>
/// A source of indicator values (docs/indicators.md "Engine"). It owns some catalogue codes, reads its own
/// records (always through <c>.VisibleTo(user)</c>), keeps those the scope includes
/// (<see cref="IndicatorScope.Includes"/>, with the record's own date) and returns, for each code it owns,
/// numerator, denominator and value from the Core formula. The dossier source plugs in as one more class
/// registered with <see cref="IndicatorsSetup.AddIndicators"/>.
/// </summary>
public interface IIndicatorSource
{
    IReadOnlyList<string> Codes { get; }

    /// <summary>A figure for every code of <see cref="Codes"/> (a "no data" value when nothing is measured).</summary>
    Task<IReadOnlyList<IndicatorFigure>> ComputeAsync(IndicatorScope scope, CancellationToken ct);

    /// <summary>The drill-down of <paramref name="code"/>: the records that keep the value below its best.</summary>
    Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorScope scope, string code, CancellationToken ct);
}

/// <summary>
/// Runs the sources for a scope. The page, the API, the exports and the plan targets all read values
/// through here, so they show the same figures.
/// </summary>
public sealed class IndicatorEngine(CchcDb db, IEnumerable<IIndicatorSource> sources, TimeProvider clock)
{
    private UnitHistory? _history;
    private readonly IReadOnlyList<IIndicatorSource> _sources = sources.ToList();

    public DateOnly Today => VnTime.Today(clock);

    /// <summary>Codes some source computes or takes as entered, in catalogue order.</summary>
    public IReadOnlyList<string> AvailableCodes =>
        IndicatorCatalogue.All.Select(d => d.Code).Where(c => _sources.Any(s => s.Codes.Contains(c))).ToList();

    public IIndicatorSource? SourceOf(string code) => _sources.FirstOrDefault(s => s.Codes.Contains(code));

    /// <summary>The scope for the query, or null when the unit is unknown or outside the caller's subtree.</summary>
    public async Task<IndicatorScope?> ScopeAsync(CurrentUser user, IndicatorQuery query, CancellationToken ct)
    {
        var unit = await ResolveUnitAsync(user, query.UnitCode, ct);
        if (unit is null) return null;
        return new IndicatorScope(user, unit, query.Subtree, query.Period, Today, await HistoryAsync(ct),
            IndicatorFilter.Of(query.Field, query.ProcedureCode));
    }

    public async Task<UnitRef?> ResolveUnitAsync(CurrentUser user, string? code, CancellationToken ct)
    {
        var units = db.Units.AsNoTracking().VisibleTo(user);
        var found = string.IsNullOrWhiteSpace(code)
            ? await units.Where(u => u.Id == user.UnitId).Select(u => new UnitRef(u.Id, u.Code, u.Name)).SingleOrDefaultAsync(ct)
            : await units.Where(u => u.Code == code.Trim()).Select(u => new UnitRef(u.Id, u.Code, u.Name)).SingleOrDefaultAsync(ct);
        return found;
    }

    public async Task<UnitHistory> HistoryAsync(CancellationToken ct) => _history ??= await OrganiseUnits.LoadHistoryAsync(db, ct);

    /// <summary>Every available code's figure for the scope (only <paramref name="codes"/> when given).</summary>
    public async Task<IReadOnlyDictionary<string, IndicatorFigure>> ComputeAsync(IndicatorScope scope, IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        var result = new Dictionary<string, IndicatorFigure>(StringComparer.Ordinal);
        foreach (var source in _sources)
        {
            if (codes is not null && !source.Codes.Any(codes.Contains)) continue;
            foreach (var figure in await source.ComputeAsync(scope, ct))
                if (codes is null || codes.Contains(figure.Value.Code)) result[figure.Value.Code] = figure;
        }
        return result;
    }

    public async Task<IndicatorFigure?> ComputeOneAsync(IndicatorScope scope, string code, CancellationToken ct) =>
        (await ComputeAsync(scope, [code], ct)).GetValueOrDefault(code);

    public Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorScope scope, string code, CancellationToken ct) =>
        SourceOf(code) is { } s ? s.RecordsAsync(scope, code, ct) : Task.FromResult<IReadOnlyList<IndicatorRecord>>([]);

    /// <summary>
    /// The units directly under the scope's unit at the end of the period, as the tree was then: the rows of the
    /// ranking and the next step of the drill-down. The reader can see the scope's unit, so they see what it was
    /// made of then, also units that have since moved out of the reader's subtree (a closed Phòng GDĐT's schools,
    /// now under communes); those are marked not <see cref="ChildUnit.Visible"/>.
    /// </summary>
    public async Task<IReadOnlyList<ChildUnit>> ChildrenAsync(IndicatorScope scope, CancellationToken ct)
    {
        var day = scope.Period.To < scope.Today ? scope.Period.To : scope.Today;
        // A unit that ended within the period (a Phòng GDĐT closed on 01/07/2025) ranks its children as of its last day.
        if (!scope.History.ExistsOn(scope.Unit.Id, day)
            && scope.History.TimelineOf(scope.Unit.Id).FirstOrDefault(e => e.Ends) is { } end && end.EffectiveOn > scope.Period.From)
            day = end.EffectiveOn.AddDays(-1);
        var ids = scope.History.TreeOn(day).Where(s => s.ParentId == scope.Unit.Id).Select(s => s.UnitId).ToList();
        // Not cut by VisibleTo: the ids are the history of a unit the reader sees (ResolveUnitAsync), and what its
        // rows count is cut to it by ForChild; VisibleTo only says whose own overview the reader may open.
        var visible = db.Units.VisibleTo(scope.User);
        var rows = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name, u.Type, Visible = visible.Any(v => v.Id == u.Id) }).ToListAsync(ct);
        return rows.OrderBy(u => u.Type).ThenBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true))
            .Select(u => new ChildUnit(new UnitRef(u.Id, u.Code, scope.History.On(u.Id, day)?.Name ?? u.Name), u.Visible)).ToList();
    }
}

public static class IndicatorsSetup
{
    public static void AddIndicators(this WebApplicationBuilder builder)
    {
        builder.AddDossierRollups();
        builder.Services.AddScoped<IndicatorEngine>();
        builder.Services.AddScoped<IIndicatorSource, TaskSource>();
        builder.Services.AddScoped<IIndicatorSource, PlanSubmissionSource>();
        builder.Services.AddScoped<IIndicatorSource, ProcedureSource>();
        builder.Services.AddScoped<IIndicatorSource, EnteredSource>();
        builder.Services.AddScoped<IIndicatorSource, DossierSource>();
        builder.Services.AddScoped<IIndicatorSource, QueueSource>();
        builder.Services.AddScoped<EnterIndicator>();
        builder.Services.AddScoped<IndicatorReports>();
        builder.Services.AddScoped<TargetStatuses>();
        builder.Services.AddScoped<IndicatorFilterOptions>();
    }
}
