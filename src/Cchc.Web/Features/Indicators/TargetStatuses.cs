using Cchc.Core.Indicators;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// A plan target against the engine: the live value over the issuing unit's subtree and the target's year
/// (else the plan's period), and its status by <see cref="TargetEvaluation"/>; without a live value, the
/// figure entered on the target counts. A per-field minimum is checked against the source's per-field
/// values where the source has them (procedures today; dossiers later).
/// </summary>
public sealed record TargetLine(
    int TargetId, int PlanId, string PlanLabel, string Code, string Description, int? Year, string PeriodLabel,
    IndicatorValue? Live, double? EnteredValue, TargetStatus Status, IReadOnlyList<string> GroupsBelowMinimum, string? GroupNote)
{
    public double? ShownValue => Live?.Value ?? EnteredValue;
}

public sealed class TargetStatuses(CchcDb db, IndicatorEngine engine)
{
    /// <summary>Targets of issued plans of the scope's unit with an indicator code, whose period meets the scope's period.</summary>
    public async Task<IReadOnlyList<TargetLine>> ForScopeAsync(IndicatorScope scope, CancellationToken ct)
    {
        var unitId = scope.Unit.Id;
        var plans = await db.Plans.AsNoTracking().VisibleTo(scope.User, db.Units).Include(p => p.Targets)
            .Where(p => p.IssuingUnitId == unitId && p.Status == PlanStatus.Issued && p.Targets.Any(t => t.IndicatorCode != null))
            .ToListAsync(ct);
        var lines = new List<TargetLine>();
        foreach (var plan in plans)
            foreach (var t in plan.Targets.Where(t => t.IndicatorCode is not null))
            {
                var (from, to) = TargetEvaluation.PeriodOf(t, plan);
                if (to < scope.Period.From || from > scope.Period.To) continue;
                lines.Add(await LineAsync(scope, plan, t, ct));
            }
        return lines.OrderBy(l => l.Code, StringComparer.Ordinal).ThenBy(l => l.Year).ToList();
    }

    /// <summary>Every target of a plan, by id; live values only when the caller can see the issuing unit.</summary>
    public async Task<IReadOnlyDictionary<int, TargetLine>> ForPlanAsync(CurrentUser user, Plan plan, CancellationToken ct)
    {
        var issuer = await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.Id == plan.IssuingUnitId)
            .Select(u => new UnitRef(u.Id, u.Code, u.Name)).SingleOrDefaultAsync(ct);
        if (issuer is null) return new Dictionary<int, TargetLine>();
        var scope = new IndicatorScope(user, issuer, true, ReportingPeriod.Year(plan.PeriodFrom), engine.Today, await engine.HistoryAsync(ct));
        var result = new Dictionary<int, TargetLine>();
        foreach (var t in plan.Targets.Where(t => t.IndicatorCode is not null && engine.SourceOf(t.IndicatorCode) is not null))
            result[t.Id] = await LineAsync(scope, plan, t, ct);
        return result;
    }

    private async Task<TargetLine> LineAsync(IndicatorScope scope, Plan plan, Target t, CancellationToken ct)
    {
        var (from, to) = TargetEvaluation.PeriodOf(t, plan);
        var period = t.Year is { } y ? ReportingPeriod.Year(y) : ReportingPeriod.Range(from, to);
        var issuer = scope.Unit.Id == plan.IssuingUnitId ? scope.Unit
            : await engine.ResolveUnitAsync(scope.User, await db.Units.Where(u => u.Id == plan.IssuingUnitId).Select(u => u.Code).SingleAsync(ct), ct);
        IndicatorFigure? figure = null;
        if (issuer is not null && t.Change == TargetChange.None && engine.SourceOf(t.IndicatorCode!) is not null)
            // A target is the plan's, so a field / procedure filter on the page does not move its status.
            figure = await engine.ComputeOneAsync(scope.WithUnit(issuer, true).WithPeriod(period).WithFilter(IndicatorFilter.None), t.IndicatorCode!, ct);
        var elapsed = TargetEvaluation.ElapsedFraction(from, to, scope.Today);
        var groups = figure?.Groups ?? new Dictionary<string, double?>();
        var result = TargetEvaluation.EvaluateWithGroups(t, figure?.Value.Value, groups, elapsed);
        string? groupNote = t.GroupMinimum is null ? null
            : figure?.Groups is null ? "Mức tối thiểu theo lĩnh vực sẽ được kiểm tra khi có dữ liệu hồ sơ theo lĩnh vực." : null;
        return new TargetLine(t.Id, plan.Id, plan.Number is { } n ? $"Kế hoạch {n}" : plan.Title, t.IndicatorCode!, PlanText.Describe(t), t.Year,
            period.Label, figure?.Value.Value is null ? null : figure.Value, t.EnteredValue, result.Status, result.GroupsBelowMinimum, groupNote);
    }
}
