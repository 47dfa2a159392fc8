namespace Cchc.Core.Plans;

/// <summary>What the status rules need to know of a task; <see cref="LastDue"/> is the last date its deadlines fix.</summary>
public sealed record TaskFacts(PlanTaskStatus Status, DateOnly? LastDue, DateOnly? CompletedOn);

public enum EffectiveTaskStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,
    Cancelled,
}

/// <summary>
/// Overdue is derived, never stored: an unfinished task is overdue from the day after its last deadline.
/// A task due "Quý I/2019" may be finished on 31/03/2019 and is overdue on 01/04/2019. A task whose
/// deadlines fix no date ("Theo yêu cầu của Sở Nội vụ") is never overdue.
/// </summary>
public static class TaskStatusRules
{
    public static EffectiveTaskStatus Effective(TaskFacts task, DateOnly today) => task.Status switch
    {
        PlanTaskStatus.Done => EffectiveTaskStatus.Done,
        PlanTaskStatus.Cancelled => EffectiveTaskStatus.Cancelled,
        _ when task.LastDue is { } due && today > due => EffectiveTaskStatus.Overdue,
        PlanTaskStatus.InProgress => EffectiveTaskStatus.InProgress,
        _ => EffectiveTaskStatus.NotStarted,
    };

    public static EffectiveTaskStatus Effective(PlanTask task, DateOnly today) => Effective(task.Facts(), today);

    /// <summary>
    /// For a done task: true when finished by its last deadline (or it fixes none), false when late;
    /// null while the task is not done.
    /// </summary>
    public static bool? DoneOnTime(TaskFacts task) =>
        task.Status != PlanTaskStatus.Done ? null
        : task.LastDue is not { } due || task.CompletedOn is not { } done || done <= due;

    public static bool? DoneOnTime(PlanTask task) => DoneOnTime(task.Facts());
}
