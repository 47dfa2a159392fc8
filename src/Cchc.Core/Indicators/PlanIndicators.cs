using Cchc.Core.Plans;
using C = Cchc.Core.Indicators.IndicatorCodes;

namespace Cchc.Core.Indicators;

/// <summary>Indicators computed from plans and their tasks.</summary>
public static class PlanIndicators
{
    /// <summary>Tasks done by their last deadline ÷ tasks due, cancelled ones left out (<see cref="TaskCompletion"/>).</summary>
    public static IndicatorValue TaskCompletionRate(IEnumerable<TaskFacts> tasks, DateOnly today)
    {
        var f = TaskCompletion.Compute(tasks, today);
        return IndicatorValue.Rate(C.TaskCompletionRate, f.DoneOnTime, f.Due);
    }

    /// <summary>
    /// Units that issued their plan by the parent's deadline ÷ units whose plan is due (issued, or past the
    /// deadline); units not yet due count in neither (seed 002: 100% by 10/02/2019).
    /// </summary>
    public static IndicatorValue UnitPlanSubmittedRate(IEnumerable<ChildPlanState> units) =>
        IndicatorValue.RateOf(C.UnitPlanSubmittedRate, units,
            u => u.Status != ChildPlanStatus.NotYetDue, u => u.Status == ChildPlanStatus.IssuedOnTime);
}
