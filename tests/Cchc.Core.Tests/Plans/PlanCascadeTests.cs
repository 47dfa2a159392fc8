using Cchc.Core.Common;
using Cchc.Core.PlanImport;
using Cchc.Core.Plans;

namespace Cchc.Core.Tests.Plans;

public sealed class PlanCascadeTests
{
    // Seed 000: Phòng GDĐT Thanh Oai, 158/KH-PGD of 18/02/2022; schools send their own plan by 25/02/2022.
    private static readonly DateOnly Due = new(2022, 2, 25);

    private static Plan ThanhOai()
    {
        var plan = new Plan(10, "Kế hoạch cải cách hành chính năm 2022", 2022, 2022);
        plan.SetBases(["Căn cứ Kế hoạch số 12/KH-UBND"]);
        plan.SetChildPlanDue(Due);
        plan.AddSection("II.3", "Cải cách thủ tục hành chính", ReformAreas.Procedures);
        var target = new Target("DOSSIER_ON_TIME_RATE", null, Comparator.Equal, 100, "%", 2022);
        target.Describe("100% hồ sơ TTHC được giải quyết đúng hạn", "I.2");
        plan.AddTarget(target);
        plan.AddTask(new PlanTask("1", "Xây dựng kế hoạch CCHC năm 2022", ReformAreas.Direction, DeadlineParser.Parse("trước ngày 25/02/2022", 2022)));
        plan.AddTask(new PlanTask("2", "Rà soát thủ tục hành chính", ReformAreas.Procedures, DeadlineParser.Parse("Quý II/2022", 2022)));
        return plan;
    }

    private static Plan School(int unitId, Plan parent, DateOnly? issuedOn)
    {
        var plan = new Plan(unitId, "Kế hoạch CCHC năm 2022", 2022, 2022);
        plan.Implement(parent);
        if (issuedOn is { } on) plan.Issue($"{unitId}/KH", on);
        return plan;
    }

    [Theory]
    [InlineData("2022-02-25", "2022-03-10", ChildPlanStatus.IssuedOnTime)]   // on the deadline day
    [InlineData("2022-02-26", "2022-03-10", ChildPlanStatus.IssuedLate)]
    [InlineData(null, "2022-02-25", ChildPlanStatus.NotYetDue)]
    [InlineData(null, "2022-02-26", ChildPlanStatus.NotIssuedOverdue)]
    public void Child_plan_status_against_the_deadline(string? issuedOn, string today, ChildPlanStatus expected) =>
        Assert.Equal(expected, PlanCascade.StatusOf(Due, issuedOn is null ? null : DateOnly.Parse(issuedOn), DateOnly.Parse(today)));

    [Fact]
    public void Without_a_deadline_nothing_is_late() =>
        Assert.Equal(ChildPlanStatus.NotYetDue, PlanCascade.StatusOf(null, null, new DateOnly(2030, 1, 1)));

    [Fact]
    public void Tracks_each_subordinate_unit()
    {
        var parent = ThanhOai();
        parent.Issue("158/KH-PGD", new DateOnly(2022, 2, 18));
        Plan[] plans =
        [
            School(21, parent, new DateOnly(2022, 2, 24)),
            School(22, parent, new DateOnly(2022, 3, 1)),
            School(23, parent, null),                       // a draft is not an issued plan
        ];
        var states = PlanCascade.Track(parent, [21, 22, 23, 24], plans, new DateOnly(2022, 3, 2));
        Assert.Equal(
            [ChildPlanStatus.IssuedOnTime, ChildPlanStatus.IssuedLate, ChildPlanStatus.NotIssuedOverdue, ChildPlanStatus.NotIssuedOverdue],
            states.Select(s => s.Status));
        Assert.Equal(new DateOnly(2022, 2, 24), states[0].IssuedOn);
    }

    [Fact]
    public void Copy_for_a_child_keeps_targets_and_the_chosen_tasks_only()
    {
        var parent = ThanhOai();
        parent.Issue("158/KH-PGD", new DateOnly(2022, 2, 18));
        parent.Tasks[1].ReportProgress(50);

        var child = PlanCascade.CopyForChild(parent, 21, [parent.Tasks[1]]);

        Assert.Equal(PlanStatus.Draft, child.Status);
        Assert.Equal(21, child.IssuingUnitId);
        Assert.Equal(parent.Id, child.ParentPlanId);
        Assert.Equal("Thực hiện Kế hoạch số 158/KH-PGD ngày 18/02/2022", child.Bases[0]);
        var target = Assert.Single(child.Targets);
        Assert.Equal(("DOSSIER_ON_TIME_RATE", 100.0, "I.2"), (target.IndicatorCode, target.Value, target.SectionPath));
        Assert.NotSame(parent.Targets[0], target);
        var task = Assert.Single(child.Tasks);
        Assert.Equal("Rà soát thủ tục hành chính", task.Content);
        Assert.Equal("Quý II/2022", task.Deadlines[0].Text);
        Assert.Equal(PlanTaskStatus.NotStarted, task.Status);
        Assert.Single(child.Sections);
    }

    [Fact]
    public void Only_an_issued_plan_is_copied()
    {
        var parent = ThanhOai();
        Assert.Throws<RuleViolation>(() => PlanCascade.CopyForChild(parent, 21, Array.Empty<int>()));
    }

    [Fact]
    public void A_task_of_another_plan_cannot_be_chosen()
    {
        var parent = ThanhOai();
        parent.Issue("158/KH-PGD", new DateOnly(2022, 2, 18));
        var stranger = new PlanTask("9", "Khác", null, []);
        Assert.Throws<RuleViolation>(() => PlanCascade.CopyForChild(parent, 21, [stranger]));
    }

    [Fact]
    public void Task_ids_not_in_the_parent_are_refused()
    {
        var parent = ThanhOai();
        parent.Issue("158/KH-PGD", new DateOnly(2022, 2, 18));
        Assert.Throws<RuleViolation>(() => PlanCascade.CopyForChild(parent, 21, [12345]));
        Assert.Empty(PlanCascade.CopyForChild(parent, 21, Array.Empty<int>()).Tasks);
    }
}
