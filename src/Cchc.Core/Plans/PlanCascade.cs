using Cchc.Core.Common;

namespace Cchc.Core.Plans;

public enum ChildPlanStatus
{
    IssuedOnTime,
    IssuedLate,

    /// <summary>Not issued and the child-plan deadline has passed.</summary>
    NotIssuedOverdue,

    /// <summary>Not issued, and the deadline has not passed (or the parent set none).</summary>
    NotYetDue,
}

/// <summary>Where one subordinate unit stands with its own plan.</summary>
public sealed record ChildPlanState(int UnitId, ChildPlanStatus Status, int? ChildPlanId, DateOnly? IssuedOn);

/// <summary>
/// Cascading plans (domain.md "Child-plan deadline"): every subordinate unit issues its own plan from the
/// parent's by the date the parent fixes (000: 25/02/2022; 002: 10/02/2019; 003: 10/01/2022).
/// </summary>
public static class PlanCascade
{
    /// <summary>Issued on the deadline day is on time; with no deadline set, any issued plan is on time.</summary>
    public static ChildPlanStatus StatusOf(DateOnly? childPlanDue, DateOnly? issuedOn, DateOnly today) =>
        (issuedOn, childPlanDue) switch
        {
            ({ } issued, { } due) => issued <= due ? ChildPlanStatus.IssuedOnTime : ChildPlanStatus.IssuedLate,
            ({ }, null) => ChildPlanStatus.IssuedOnTime,
            (null, { } due) => today > due ? ChildPlanStatus.NotIssuedOverdue : ChildPlanStatus.NotYetDue,
            _ => ChildPlanStatus.NotYetDue,
        };

    /// <summary>
    /// The state of each subordinate unit. A unit's plan is one implementing <paramref name="parent"/> that it
    /// issued; a draft does not count; when a unit issued several (an amended plan), the first issue counts.
    /// </summary>
    public static IReadOnlyList<ChildPlanState> Track(Plan parent, IEnumerable<int> subordinateUnitIds, IEnumerable<Plan> plans, DateOnly today)
    {
        var issued = plans
            .Where(p => p.ParentPlanId == parent.Id && p.Status != PlanStatus.Draft && p.IssuedOn is not null)
            .GroupBy(p => p.IssuingUnitId)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.IssuedOn).First());
        return subordinateUnitIds.Distinct().Select(unitId =>
        {
            var plan = issued.GetValueOrDefault(unitId);
            return new ChildPlanState(unitId, StatusOf(parent.ChildPlanDue, plan?.IssuedOn, today), plan?.Id, plan?.IssuedOn);
        }).ToList();
    }

    /// <summary>
    /// A draft plan for <paramref name="childUnitId"/> implementing the issued <paramref name="parent"/>: the
    /// same period, title and sections, the parent's plan as its first basis, its targets, and the chosen
    /// tasks (not started, not yet assigned to the child's own units).
    /// </summary>
    public static Plan CopyForChild(Plan parent, int childUnitId, IEnumerable<int> chosenTaskIds)
    {
        var ids = chosenTaskIds.ToHashSet();
        var chosen = parent.Tasks.Where(t => ids.Contains(t.Id)).ToList();
        if (chosen.Select(t => t.Id).Distinct().Count() != ids.Count)
            throw new RuleViolation("Nhiệm vụ được chọn không thuộc kế hoạch cấp trên.", nameof(Plan.Tasks));
        return CopyForChild(parent, childUnitId, chosen);
    }

    /// <inheritdoc cref="CopyForChild(Plan, int, IEnumerable{int})"/>
    public static Plan CopyForChild(Plan parent, int childUnitId, IEnumerable<PlanTask> chosenTasks)
    {
        if (parent.Status != PlanStatus.Issued)
            throw new RuleViolation("Chỉ triển khai được kế hoạch đã ban hành và còn hiệu lực.", nameof(Plan.Status));
        var chosen = chosenTasks.Distinct().ToList();
        if (chosen.Any(t => !parent.Tasks.Contains(t)))
            throw new RuleViolation("Nhiệm vụ được chọn không thuộc kế hoạch cấp trên.", nameof(Plan.Tasks));

        var child = new Plan(childUnitId, parent.Title, parent.PeriodFrom, parent.PeriodTo);
        child.Implement(parent);
        child.SetBases([$"Thực hiện Kế hoạch số {parent.Number} ngày {parent.IssuedOn:dd/MM/yyyy}", .. parent.Bases]);
        foreach (var s in parent.Sections) child.AddSection(s.Path, s.Heading, s.Area);
        foreach (var t in parent.Targets)
        {
            var copy = new Target(t.IndicatorCode, t.CustomName, t.Comparator, t.Value, t.Unit, t.Year);
            copy.Describe(t.Text, t.SectionPath);
            copy.JoinLine(t.LineKey);
            copy.SetGroupMinimum(t.GroupMinimum);
            copy.SetRange(t.ValueTo);
            copy.SetChange(t.Change, t.BaseYear);
            child.AddTarget(copy);
        }
        foreach (var t in parent.Tasks.Where(chosen.Contains)) child.AddTask(t.CopyUnassigned());
        return child;
    }
}
