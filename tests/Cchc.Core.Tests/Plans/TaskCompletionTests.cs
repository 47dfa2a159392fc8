using Cchc.Core.Plans;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Core.Tests.Plans;

public sealed class TaskCompletionTests
{
    private static readonly DateOnly Q1 = new(2019, 3, 31);
    private static readonly DateOnly Oct = new(2019, 10, 31);

    private static TaskFacts Done(DateOnly due, DateOnly on) => new(PlanTaskStatus.Done, due, on);

    private static TaskFacts Open(DateOnly? due, PlanTaskStatus status = PlanTaskStatus.InProgress) => new(status, due, null);

    [Fact]
    public void Counts_done_on_time_late_and_overdue_on_a_day()
    {
        // Seed 002 row 39 asks for "tỷ lệ % số kết quả, sản phẩm hoàn thành so với tổng số các nhiệm vụ".
        TaskFacts[] tasks =
        [
            Done(Q1, new DateOnly(2019, 3, 20)),         // done on time
            Done(Q1, new DateOnly(2019, 4, 2)),          // done late
            Open(Q1),                                    // overdue
            Open(Oct),                                   // in progress, not yet due
            Open(Oct, PlanTaskStatus.NotStarted),        // not started, not yet due
            Open(null),                                  // no date: never due
            new(PlanTaskStatus.Cancelled, Q1, null),     // cancelled with approval: left out
        ];
        var f = TaskCompletion.Compute(tasks, new DateOnly(2019, 6, 30));

        Assert.Equal(new TaskCompletionFigures(Counted: 6, Cancelled: 1, Due: 3, Done: 2, DoneOnTime: 1, DoneLate: 1,
            Overdue: 1, InProgress: 2, NotStarted: 1), f);
        Assert.Equal(2.0 / 6 * 100, f.CompletionRate!.Value, 6);
        Assert.Equal(1.0 / 3 * 100, f.OnTimeRate!.Value, 6);
    }

    [Fact]
    public void Every_task_done_by_its_deadline_is_100_percent()
    {
        // Seed 003: "100% nhiệm vụ … hoàn thành đảm bảo tiến độ".
        var f = TaskCompletion.Compute([Done(Q1, Q1), Done(Oct, new DateOnly(2019, 9, 1))], new DateOnly(2019, 12, 31));
        Assert.Equal(100, f.CompletionRate);
        Assert.Equal(100, f.OnTimeRate);
    }

    [Fact]
    public void Nothing_due_yet_gives_no_rate_rather_than_zero()
    {
        var f = TaskCompletion.Compute([Open(Oct)], new DateOnly(2019, 2, 1));
        Assert.Null(f.OnTimeRate);
        Assert.Equal(0, f.CompletionRate);
        Assert.Null(TaskCompletion.Compute(Array.Empty<TaskFacts>(), Oct).CompletionRate);
    }

    [Fact]
    public void The_figures_always_add_up()
    {
        var statuses = Enum.GetValues<PlanTaskStatus>();
        Prop.ForAll(ArbMap.Default.ArbFor<(byte, sbyte, sbyte)[]>(), raw =>
        {
            var today = new DateOnly(2019, 7, 1);
            var tasks = raw.Select(r => new TaskFacts(
                statuses[r.Item1 % statuses.Length],
                r.Item2 == 0 ? null : today.AddDays(r.Item2),
                today.AddDays(r.Item3 % 50))).ToList();
            var f = TaskCompletion.Compute(tasks, today);
            return f.Counted + f.Cancelled == tasks.Count
                && f.Done + f.Overdue + f.InProgress + f.NotStarted == f.Counted
                && f.DoneOnTime + f.DoneLate == f.Done
                && f.OnTimeRate is null or >= 0 and <= 100
                && f.CompletionRate is null or >= 0 and <= 100;
        }).QuickCheckThrowOnFailure();
    }
}
