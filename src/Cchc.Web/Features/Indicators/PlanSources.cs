using Cchc.Core.Indicators;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// TASK_COMPLETION_RATE: the tasks of issued plans whose lead unit the scope includes, on their last due
/// date, and whose last due date falls in the period (a task fixing no date belongs to no period). Done by
/// the last deadline ÷ due (done, or unfinished past due today); cancelled ones left out
/// (<see cref="PlanIndicators.TaskCompletionRate"/>, <see cref="TaskStatusRules"/>).
/// </summary>
public sealed class TaskSource(CchcDb db) : IIndicatorSource
{
    private sealed record Row(int Id, int PlanId, string Number, string Content, int LeadUnitId, PlanTaskStatus Status, DateOnly LastDue, DateOnly? CompletedOn)
    {
        public TaskFacts Facts => new(Status, LastDue, CompletedOn);
    }

    public IReadOnlyList<string> Codes { get; } = [IndicatorCodes.TaskCompletionRate];

    public async Task<IReadOnlyList<IndicatorFigure>> ComputeAsync(IndicatorScope scope, CancellationToken ct)
    {
        var tasks = await TasksAsync(scope, ct);
        return [new IndicatorFigure(PlanIndicators.TaskCompletionRate(tasks.Select(t => t.Facts), scope.Today))];
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorScope scope, string code, CancellationToken ct)
    {
        var tasks = await TasksAsync(scope, ct);
        var names = await UnitNamesAsync(db, tasks.Select(t => t.LeadUnitId), ct);
        var list = new List<IndicatorRecord>();
        foreach (var t in tasks.OrderBy(t => t.LastDue).ThenBy(t => t.Id))
        {
            var status = TaskStatusRules.Effective(t.Facts, scope.Today);
            string? reason = status switch
            {
                EffectiveTaskStatus.Overdue => "Quá hạn, chưa hoàn thành",
                EffectiveTaskStatus.Done when TaskStatusRules.DoneOnTime(t.Facts) == false => $"Hoàn thành trễ hạn ({VnTime.Date(t.CompletedOn)})",
                _ => null,
            };
            if (reason is null) continue;
            list.Add(new IndicatorRecord($"{t.Number}. {t.Content}", names.GetValueOrDefault(t.LeadUnitId), $"Hạn: {VnTime.Date(t.LastDue)}", reason, $"/Plans/Task/{t.Id}"));
        }
        return list;
    }

    private async Task<List<Row>> TasksAsync(IndicatorScope scope, CancellationToken ct)
    {
        var (from, to) = (scope.Period.From, scope.Period.To);
        var issued = db.Plans.Where(p => p.Status != PlanStatus.Draft).Select(p => p.Id);
        var rows = await db.PlanTasks.AsNoTracking().VisibleTo(scope.User, db.Plans, db.Units)
            .Where(t => t.LeadUnitId != null && t.LastDue != null && t.LastDue >= from && t.LastDue <= to && issued.Contains(t.PlanId))
            .Select(t => new Row(t.Id, t.PlanId, t.Number, t.Content, t.LeadUnitId!.Value, t.Status, t.LastDue!.Value, t.CompletedOn))
            .ToListAsync(ct);
        return rows.Where(t => scope.Includes(t.LeadUnitId, t.LastDue)).ToList();
    }

    internal static async Task<Dictionary<int, string>> UnitNamesAsync(CchcDb db, IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}

/// <summary>
/// UNIT_PLAN_SUBMITTED_RATE: for each issued plan of a unit the scope includes whose child-plan deadline
/// falls in the period (or, with no deadline, issued in the period), the units directly under its issuer on
/// that day (as the tree was then, within the caller's view) and whether each issued its own plan by the
/// deadline (<see cref="PlanCascade.Track"/>); all plans' units add up.
/// </summary>
public sealed class PlanSubmissionSource(CchcDb db) : IIndicatorSource
{
    public IReadOnlyList<string> Codes { get; } = [IndicatorCodes.UnitPlanSubmittedRate];

    public async Task<IReadOnlyList<IndicatorFigure>> ComputeAsync(IndicatorScope scope, CancellationToken ct)
    {
        var states = await StatesAsync(scope, ct);
        return [new IndicatorFigure(PlanIndicators.UnitPlanSubmittedRate(states.Select(s => s.State)))];
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorScope scope, string code, CancellationToken ct)
    {
        var states = await StatesAsync(scope, ct);
        var names = await TaskSource.UnitNamesAsync(db, states.Select(s => s.State.UnitId), ct);
        return states
            .Where(s => s.State.Status is ChildPlanStatus.IssuedLate or ChildPlanStatus.NotIssuedOverdue)
            .Select(s => new IndicatorRecord(
                $"Kế hoạch {s.Parent.Number ?? "(chưa có số)"}: {s.Parent.Title}", names.GetValueOrDefault(s.State.UnitId),
                $"Hạn ban hành kế hoạch: {VnTime.Date(s.Parent.ChildPlanDue)}",
                s.State.Status == ChildPlanStatus.IssuedLate ? $"Ban hành trễ hạn ({VnTime.Date(s.State.IssuedOn)})" : "Chưa ban hành (quá hạn)",
                s.State.ChildPlanId is int id ? $"/Plans/Details/{id}" : $"/Plans/Children/{s.Parent.Id}"))
            .ToList();
    }

    private async Task<List<(Plan Parent, ChildPlanState State)>> StatesAsync(IndicatorScope scope, CancellationToken ct)
    {
        var (from, to) = (scope.Period.From, scope.Period.To);
        var parents = await db.Plans.AsNoTracking().VisibleTo(scope.User, db.Units)
            .Where(p => p.Status != PlanStatus.Draft && p.IssuedOn != null
                && ((p.ChildPlanDue != null && p.ChildPlanDue >= from && p.ChildPlanDue <= to)
                    || (p.ChildPlanDue == null && p.IssuedOn >= from && p.IssuedOn <= to)))
            .ToListAsync(ct);
        parents = parents.Where(p => scope.Includes(p.IssuingUnitId, DayOf(p))).ToList();
        if (parents.Count == 0) return [];
        var parentIds = parents.Select(p => p.Id).ToList();
        var visible = (await db.Units.AsNoTracking().VisibleTo(scope.User).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var children = await db.Plans.AsNoTracking()
            .Where(p => p.ParentPlanId != null && parentIds.Contains(p.ParentPlanId.Value) && p.Status != PlanStatus.Draft)
            .ToListAsync(ct);
        var result = new List<(Plan, ChildPlanState)>();
        foreach (var parent in parents)
        {
            var day = DayOf(parent);
            var subordinates = scope.History.TreeOn(day).Where(s => s.ParentId == parent.IssuingUnitId && visible.Contains(s.UnitId))
                .Select(s => s.UnitId).OrderBy(id => id);
            foreach (var state in PlanCascade.Track(parent, subordinates, children, scope.Today)) result.Add((parent, state));
        }
        return result;
    }

    private static DateOnly DayOf(Plan p) => p.ChildPlanDue ?? p.IssuedOn!.Value;
}
