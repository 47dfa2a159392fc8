using Cchc.Core.Plans;

namespace Cchc.Core.Indicators;

public enum TargetStatus
{
    NoData,
    Met,
    OnTrack,
    AtRisk,
    Missed,
}

/// <summary>The result for a target with a per-group minimum: the overall status and the groups below their floor.</summary>
public sealed record GroupedTargetResult(TargetStatus Status, TargetStatus Overall, IReadOnlyList<string> GroupsBelowMinimum);

/// <summary>
/// Where a target stands on a day (docs/indicators.md "Target evaluation"):
/// - no value → NoData;
/// - period over → Met when the comparator holds, else Missed (Missed only after the period ends, except a
///   count capped from above that is already exceeded: it cannot come down);
/// - during the period, a count (grows over the year: "đối thoại 02 lần/năm") is Met as soon as it reaches an
///   at-least target, OnTrack at the pro-rata level target × elapsed fraction, else AtRisk;
/// - during the period, a level (rate, minutes, score, rank) is OnTrack when the comparator holds or misses by
///   at most the tolerance, else AtRisk; it is never Met before the period ends, since it can still fall.
/// </summary>
public static class TargetEvaluation
{
    /// <summary>Percentage points a rate may lag its target and still be on track.</summary>
    public const double RateTolerance = 5;

    /// <summary>The share of the period gone before <paramref name="today"/>: 0 on the first day, 1 from the day after the last.</summary>
    public static double ElapsedFraction(DateOnly from, DateOnly to, DateOnly today)
    {
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        if (today <= from) return 0;
        if (today > to) return 1;
        return (double)(today.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber + 1);
    }

    /// <summary>The period a target is measured over: its year, else the plan's whole period.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(Target target, Plan plan) =>
        target.Year is { } y
            ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31))
            : (new DateOnly(plan.PeriodFrom, 1, 1), new DateOnly(plan.PeriodTo, 12, 31));

    /// <summary>How far a level may miss and still be on track: 5 points for rates, 10% of the target otherwise, 0 for ranks.</summary>
    public static double DefaultTolerance(IndicatorKind kind, double target) => kind switch
    {
        IndicatorKind.Rate => RateTolerance,
        IndicatorKind.Rank or IndicatorKind.Count => 0,
        _ => Math.Abs(target) * 0.10,
    };

    public static TargetStatus Evaluate(Comparator comparator, double target, double? value, double elapsedFraction, IndicatorKind kind, double? tolerance = null)
    {
        if (value is not { } v || !double.IsFinite(v)) return TargetStatus.NoData;
        var holds = comparator.Holds(v, target);
        if (elapsedFraction >= 1) return holds ? TargetStatus.Met : TargetStatus.Missed;

        if (kind == IndicatorKind.Count)
        {
            if (comparator.WantsMore())
            {
                if (holds && comparator != Comparator.Equal) return TargetStatus.Met;
                return v >= target * Math.Max(0, elapsedFraction) ? TargetStatus.OnTrack : TargetStatus.AtRisk;
            }
            return holds ? TargetStatus.OnTrack : TargetStatus.Missed;
        }

        if (holds) return TargetStatus.OnTrack;
        var tol = tolerance ?? DefaultTolerance(kind, target);
        var close = comparator.WantsMore() ? v >= target - tol : v <= target + tol;
        return close ? TargetStatus.OnTrack : TargetStatus.AtRisk;
    }

    /// <summary>
    /// A plan's target against a value: the live one where the system computes it, else the figure entered
    /// with evidence. Targets outside the catalogue are read by their unit ("times" counts, "%" is a rate).
    /// </summary>
    public static TargetStatus Evaluate(Target target, double? liveValue, double elapsedFraction) =>
        Evaluate(target.Comparator, target.Value, liveValue ?? target.EnteredValue, elapsedFraction, KindOf(target));

    /// <summary>
    /// A target with a floor for every group (seed 004: "đạt trên 97%, không có lĩnh vực nào dưới 95%"): the
    /// worse of the overall status and each group's status against the floor. A group without a value (a
    /// field with no resolved dossier) is not below anything.
    /// </summary>
    public static GroupedTargetResult EvaluateWithGroups(
        Comparator comparator, double target, double groupMinimum, double? overall,
        IReadOnlyDictionary<string, double?> groupValues, double elapsedFraction, IndicatorKind kind = IndicatorKind.Rate)
    {
        var overallStatus = Evaluate(comparator, target, overall, elapsedFraction, kind);
        if (overallStatus == TargetStatus.NoData) return new GroupedTargetResult(TargetStatus.NoData, overallStatus, []);
        var floor = comparator.WantsMore() ? Comparator.AtLeast : Comparator.AtMost;
        var worst = overallStatus;
        var below = new List<string>();
        foreach (var (group, value) in groupValues.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (value is not { } v) continue;
            if (!floor.Holds(v, groupMinimum)) below.Add(group);
            var s = Evaluate(floor, groupMinimum, v, elapsedFraction, kind);
            if (Severity(s) > Severity(worst)) worst = s;
        }
        return new GroupedTargetResult(worst, overallStatus, below);
    }

    public static GroupedTargetResult EvaluateWithGroups(Target target, double? overall, IReadOnlyDictionary<string, double?> groupValues, double elapsedFraction)
    {
        if (target.GroupMinimum is not { } min)
        {
            var s = Evaluate(target, overall, elapsedFraction);
            return new GroupedTargetResult(s, s, []);
        }
        return EvaluateWithGroups(target.Comparator, target.Value, min, overall ?? target.EnteredValue, groupValues, elapsedFraction, KindOf(target));
    }

    public static IndicatorKind KindOf(Target target) =>
        IndicatorCatalogue.Find(target.IndicatorCode)?.Kind ?? target.Unit switch
        {
            "%" => IndicatorKind.Rate,
            "times" => IndicatorKind.Count,
            "minutes" => IndicatorKind.Minutes,
            "rank" => IndicatorKind.Rank,
            _ => IndicatorKind.Score,
        };

    private static int Severity(TargetStatus s) => s switch
    {
        TargetStatus.Met => 0,
        TargetStatus.OnTrack => 1,
        TargetStatus.NoData => 2,
        TargetStatus.AtRisk => 3,
        _ => 4,
    };
}
