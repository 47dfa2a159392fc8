using Cchc.Core.Common;
using Cchc.Core.PlanImport;
using Cchc.Core.Plans;

namespace Cchc.Core.Tests.Plans;

public sealed class PlanTests
{
    // Seed 002: 375/KH-SGDĐT, Sở GDĐT Hà Nội, 28/01/2019, child plans due 10/02/2019.
    private static Plan Hanoi2019()
    {
        var plan = new Plan(1, "Thực hiện công tác Cải cách hành chính năm 2019", 2019, 2019);
        plan.SetChildPlanDue(new DateOnly(2019, 2, 10));
        return plan;
    }

    [Fact]
    public void A_new_plan_is_a_draft_without_number()
    {
        var plan = Hanoi2019();
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Null(plan.Number);
    }

    [Fact]
    public void Issuing_sets_number_and_date()
    {
        var plan = Hanoi2019();
        plan.Issue("375/KH-SGDĐT", new DateOnly(2019, 1, 28));
        Assert.Equal(PlanStatus.Issued, plan.Status);
        Assert.Equal("375/KH-SGDĐT", plan.Number);
        Assert.Equal(new DateOnly(2019, 1, 28), plan.IssuedOn);
    }

    [Fact]
    public void Issuing_needs_a_number()
    {
        var ex = Assert.Throws<RuleViolation>(() => Hanoi2019().Issue("  ", new DateOnly(2019, 1, 28)));
        Assert.Equal(nameof(Plan.Number), ex.Field);
    }

    [Fact]
    public void An_issued_plan_cannot_be_edited_or_issued_again()
    {
        var plan = Hanoi2019();
        plan.Issue("375/KH-SGDĐT", new DateOnly(2019, 1, 28));
        Assert.Throws<RuleViolation>(() => plan.Describe("Khác", 2019, 2019));
        Assert.Throws<RuleViolation>(() => plan.AddSection("I", "MỤC ĐÍCH, YÊU CẦU", null));
        Assert.Throws<RuleViolation>(() => plan.Issue("376/KH-SGDĐT", new DateOnly(2019, 1, 29)));
    }

    [Fact]
    public void Only_an_issued_plan_is_superseded()
    {
        var plan = Hanoi2019();
        Assert.Throws<RuleViolation>(plan.Supersede);
        plan.Issue("375/KH-SGDĐT", new DateOnly(2019, 1, 28));
        plan.Supersede();
        Assert.Equal(PlanStatus.Superseded, plan.Status);
        Assert.Throws<RuleViolation>(() => plan.AddTask(new PlanTask("70", "Bổ sung", null, [])));
    }

    [Theory]
    [InlineData(PlanStatus.Draft, PlanStatus.Issued, true)]
    [InlineData(PlanStatus.Issued, PlanStatus.Superseded, true)]
    [InlineData(PlanStatus.Issued, PlanStatus.Draft, false)]
    [InlineData(PlanStatus.Superseded, PlanStatus.Issued, false)]
    [InlineData(PlanStatus.Draft, PlanStatus.Superseded, false)]
    public void Allowed_status_moves(PlanStatus from, PlanStatus to, bool allowed) =>
        Assert.Equal(allowed, Plan.CanMove(from, to));

    [Fact]
    public void A_five_year_plan_keeps_its_period()
    {
        // Seed 001: Bà Rịa–Vũng Tàu, 2021–2025.
        var plan = new Plan(2, "Cải cách hành chính giai đoạn 2021-2025", 2021, 2025);
        Assert.Equal((2021, 2025), (plan.PeriodFrom, plan.PeriodTo));
        Assert.Throws<RuleViolation>(() => plan.Describe("x", 2025, 2021));
    }

    [Fact]
    public void Title_is_required_and_stored_in_NFC()
    {
        Assert.Throws<RuleViolation>(() => new Plan(1, " ", 2019, 2019));
        var plan = new Plan(1, "Ca\u0309i ca\u0301ch  ha\u0300nh chi\u0301nh", 2019, 2019);
        Assert.Equal("Cải cách hành chính", plan.Title);
    }

    [Fact]
    public void Bases_keep_document_order_without_blanks()
    {
        var plan = Hanoi2019();
        plan.SetBases(["Căn cứ Quyết định số 6919/QĐ-UBND", " ", "Thực hiện Kế hoạch số 266/KH-UBND"]);
        Assert.Equal(["Căn cứ Quyết định số 6919/QĐ-UBND", "Thực hiện Kế hoạch số 266/KH-UBND"], plan.Bases);
    }

    [Fact]
    public void Sections_carry_known_reform_areas_only()
    {
        var plan = Hanoi2019();
        var s = plan.AddSection("II.3", "Cải cách thủ tục hành chính", ReformAreas.Procedures);
        Assert.Equal("Cải cách thủ tục hành chính", ReformAreaNames.NameOf(s.Area));
        Assert.Throws<RuleViolation>(() => plan.AddSection("II.4", "Khác", "UNKNOWN"));
        Assert.Throws<RuleViolation>(() => plan.AddSection("II.3", "Trùng", null));
    }

    [Fact]
    public void Child_plan_due_lies_in_the_period_or_the_year_before()
    {
        // Seed 003 (plan for 2022) fixes 10/01/2022; a plan for 2022 issued in December 2021 may fix a December date.
        var plan = new Plan(1, "CCHC năm 2022", 2022, 2022);
        plan.SetChildPlanDue(new DateOnly(2021, 12, 30));
        Assert.Throws<RuleViolation>(() => plan.SetChildPlanDue(new DateOnly(2023, 1, 10)));
    }

    [Fact]
    public void A_plan_cannot_implement_one_of_its_own_unit()
    {
        var parent = Hanoi2019();
        var other = new Plan(1, "Khác", 2019, 2019);
        Assert.Throws<RuleViolation>(() => other.Implement(parent));
        Assert.Throws<RuleViolation>(() => parent.Implement(parent));
    }

    [Fact]
    public void A_section_is_removed_from_a_draft_but_not_from_an_issued_plan()
    {
        var plan = Hanoi2019();
        var section = plan.AddSection("II.1", "Cải cách thể chế", ReformAreas.Institutions);
        plan.RemoveSection(section);
        Assert.Empty(plan.Sections);

        var kept = plan.AddSection("II.2", "Cải cách thủ tục hành chính", ReformAreas.Procedures);
        plan.Issue("375/KH-SGDĐT", new DateOnly(2019, 1, 28));
        Assert.Throws<RuleViolation>(() => plan.RemoveSection(kept));
        Assert.Single(plan.Sections);
    }
}
