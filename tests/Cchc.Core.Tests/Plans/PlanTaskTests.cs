using Cchc.Core.Common;
using Cchc.Core.PlanImport;
using Cchc.Core.Plans;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Core.Tests.Plans;

public sealed class PlanTaskTests
{
    // Seed 002 row 39: "Báo cáo mức độ hoàn thành kế hoạch", Văn phòng, Tháng 10/2019.
    private static PlanTask Row39() =>
        new("39", "Báo cáo mức độ hoàn thành kế hoạch", ReformAreas.Direction, DeadlineParser.Parse("Tháng 10/2019", 2019));

    private static readonly DateOnly Oct31 = new(2019, 10, 31);

    [Fact]
    public void Deadlines_keep_the_plan_words()
    {
        var task = Row39();
        var d = Assert.Single(task.Deadlines);
        Assert.Equal("Tháng 10/2019", d.Text);
        Assert.Equal(Oct31, task.LastDue);
    }

    [Fact]
    public void The_last_of_several_deadlines_decides()
    {
        // Seed 002: "Lần 1: Quý II/2019 Lần 2: Quý III/2019".
        var task = new PlanTask("5", "Kiểm tra", null, DeadlineParser.Parse("Lần 1: Quý II/2019 Lần 2: Quý III/2019", 2019));
        Assert.Equal(2, task.Deadlines.Count);
        Assert.Equal(new DateOnly(2019, 9, 30), task.LastDue);
    }

    [Fact]
    public void Content_is_required()
    {
        var ex = Assert.Throws<RuleViolation>(() => new PlanTask("1", "  ", null, []));
        Assert.Equal(nameof(PlanTask.Content), ex.Field);
    }

    [Fact]
    public void Content_is_at_most_4000_characters()
    {
        Assert.Throws<RuleViolation>(() => new PlanTask("1", new string('a', 4001), null, []));
        Assert.Equal(4000, new PlanTask("1", new string('a', 4000), null, []).Content.Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Progress_lies_between_0_and_100(int percent)
    {
        var ex = Assert.Throws<RuleViolation>(() => Row39().ReportProgress(percent));
        Assert.Equal(nameof(PlanTask.Progress), ex.Field);
    }

    [Fact]
    public void Progress_moves_the_status()
    {
        var task = Row39();
        task.ReportProgress(40);
        Assert.Equal(PlanTaskStatus.InProgress, task.Status);
        task.ReportProgress(0);
        Assert.Equal(PlanTaskStatus.NotStarted, task.Status);
    }

    [Fact]
    public void Done_sets_100_percent_and_keeps_the_product()
    {
        var task = Row39();
        task.Complete(new DateOnly(2019, 10, 25), "1234/BC-SGDĐT", new DateOnly(2019, 10, 25));
        Assert.Equal((PlanTaskStatus.Done, 100), (task.Status, task.Progress));
        Assert.Equal("1234/BC-SGDĐT", task.ProductNumber);
        Assert.Throws<RuleViolation>(() => task.ReportProgress(50));
    }

    [Fact]
    public void A_product_cannot_postdate_completion() =>
        Assert.Throws<RuleViolation>(() => Row39().Complete(new DateOnly(2019, 10, 1), "1/BC", new DateOnly(2019, 10, 2)));

    [Fact]
    public void Reopening_forgets_the_completion_date()
    {
        var task = Row39();
        task.Complete(Oct31);
        task.Reopen();
        Assert.Equal(PlanTaskStatus.InProgress, task.Status);
        Assert.Null(task.CompletedOn);
    }

    [Fact]
    public void Cancelling_needs_an_approval_and_ends_the_task()
    {
        var task = Row39();
        Assert.Throws<RuleViolation>(() => task.Cancel(""));
        task.Cancel("Công văn số 99/SGDĐT-VP đồng ý");
        Assert.Equal(PlanTaskStatus.Cancelled, task.Status);
        Assert.Throws<RuleViolation>(() => task.Complete(Oct31));
    }

    [Fact]
    public void The_lead_is_not_also_a_partner() =>
        Assert.Throws<RuleViolation>(() => Row39().Assign(7, [7, 8]));

    [Fact]
    public void An_inverted_deadline_is_refused() =>
        Assert.Throws<RuleViolation>(() => Row39().SetDeadlines([new Deadline("x", new DateOnly(2019, 5, 1), new DateOnly(2019, 4, 1))]));

    [Theory]
    [InlineData("2019-10-31", EffectiveTaskStatus.NotStarted)]  // the deadline day itself is still in time
    [InlineData("2019-11-01", EffectiveTaskStatus.Overdue)]
    public void Overdue_starts_the_day_after_the_last_deadline(string today, EffectiveTaskStatus expected) =>
        Assert.Equal(expected, TaskStatusRules.Effective(Row39(), DateOnly.Parse(today)));

    [Fact]
    public void A_task_without_a_date_is_never_overdue()
    {
        // Seed 003: "Theo yêu cầu của Sở Nội vụ".
        var task = new PlanTask("20", "Báo cáo", null, DeadlineParser.Parse("Theo yêu cầu của Sở Nội vụ", 2022));
        task.ReportProgress(10);
        Assert.Equal(EffectiveTaskStatus.InProgress, TaskStatusRules.Effective(task, new DateOnly(2030, 1, 1)));
    }

    [Theory]
    [InlineData("2019-10-31", true)]
    [InlineData("2019-11-01", false)]
    public void Done_on_time_means_by_the_last_deadline(string doneOn, bool onTime)
    {
        var task = Row39();
        task.Complete(DateOnly.Parse(doneOn));
        Assert.Equal(onTime, TaskStatusRules.DoneOnTime(task));
        Assert.Equal(EffectiveTaskStatus.Done, TaskStatusRules.Effective(task, new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void An_unfinished_task_is_neither_on_time_nor_late() =>
        Assert.Null(TaskStatusRules.DoneOnTime(Row39()));

    [Fact]
    public void Overdue_is_monotonic_in_the_day()
    {
        // Once overdue, an unfinished task stays overdue on every later day.
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>(), (a, b) =>
        {
            var task = new TaskFacts(PlanTaskStatus.InProgress, Oct31, null);
            var d1 = Oct31.AddDays(Math.Abs(a % 400) - 200);
            var d2 = d1.AddDays(Math.Abs(b % 400));
            return TaskStatusRules.Effective(task, d1) != EffectiveTaskStatus.Overdue
                || TaskStatusRules.Effective(task, d2) == EffectiveTaskStatus.Overdue;
        }).QuickCheckThrowOnFailure();
    }
}
