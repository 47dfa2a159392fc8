namespace Cchc.Core.Plans;

/// <summary>
/// The completion figures of a set of tasks on a day. <see cref="Counted"/> leaves out tasks cancelled with
/// approval (domain-rules E1.2). <see cref="Due"/> is the tasks that should be finished by now: done ones,
/// and unfinished ones whose last deadline has passed. Rates are percentages, null when nothing is counted.
/// </summary>
public sealed record TaskCompletionFigures(
    int Counted,
    int Cancelled,
    int Due,
    int Done,
    int DoneOnTime,
    int DoneLate,
    int Overdue,
    int InProgress,
    int NotStarted)
{
    /// <summary>Done ÷ counted: the plan completion % of domain-rules E1.2 and seed 002 rows 39 and 65.</summary>
    public double? CompletionRate => Rates.Percent(Done, Counted);

    /// <summary>Done by the last deadline ÷ due: seed 003 "100% nhiệm vụ … hoàn thành đảm bảo tiến độ".</summary>
    public double? OnTimeRate => Rates.Percent(DoneOnTime, Due);
}

public static class TaskCompletion
{
    public static TaskCompletionFigures Compute(IEnumerable<TaskFacts> tasks, DateOnly today)
    {
        int counted = 0, cancelled = 0, done = 0, onTime = 0, overdue = 0, inProgress = 0, notStarted = 0;
        foreach (var t in tasks)
        {
            switch (TaskStatusRules.Effective(t, today))
            {
                case EffectiveTaskStatus.Cancelled:
                    cancelled++;
                    continue;
                case EffectiveTaskStatus.Done:
                    done++;
                    if (TaskStatusRules.DoneOnTime(t) == true) onTime++;
                    break;
                case EffectiveTaskStatus.Overdue:
                    overdue++;
                    break;
                case EffectiveTaskStatus.InProgress:
                    inProgress++;
                    break;
                default:
                    notStarted++;
                    break;
            }
            counted++;
        }
        return new TaskCompletionFigures(counted, cancelled, done + overdue, done, onTime, done - onTime, overdue, inProgress, notStarted);
    }

    public static TaskCompletionFigures Compute(IEnumerable<PlanTask> tasks, DateOnly today) =>
        Compute(tasks.Select(t => t.Facts()), today);
}

internal static class Rates
{
    /// <summary>part ÷ whole × 100, or null when the whole is zero: nothing to measure is not 0%.</summary>
    public static double? Percent(double part, double whole) => whole == 0 ? null : part / whole * 100;
}
