using Cchc.Core.Common;
using Cchc.Core.Indicators;
using Cchc.Core.Scoring;

namespace Cchc.Core.Tests.Scoring;

public sealed class ScorecardTests
{
    // A small department index in the shape of domain-rules E1 (field → criterion → sub-criterion), with the
    // plan and report timeliness sub-criteria of field 1 and seed 002 row 38's rule as a scoring rule.
    private static CriteriaTemplate Template() => new("HN-SO-2019", "Chỉ số CCHC các sở", 2019,
    [
        CriterionNode.Group("1", "Công tác chỉ đạo, điều hành CCHC", 6,
            CriterionNode.Group("1.1", "Kế hoạch CCHC năm", 4,
                CriterionNode.Leaf("1.1.1", "Ban hành kế hoạch CCHC năm đúng hạn", 1),
                CriterionNode.Leaf("1.1.2", "Mức độ thực hiện kế hoạch CCHC", 3)),
            CriterionNode.Leaf("1.2", "Báo cáo CCHC định kỳ đầy đủ, đúng hạn", 2)),
        CriterionNode.Group("3", "Cải cách thủ tục hành chính", 4,
            CriterionNode.Leaf("3.1", "Ban hành kế hoạch kiểm soát TTHC", 1,
                "Ban hành sau thời điểm 31/01 hoặc không ban hành thì không tính điểm."),
            CriterionNode.Leaf("3.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 3, evidenceRequired: false)),
    ]);

    [Fact]
    public void The_maximum_is_the_sum_of_the_fields() => Assert.Equal(10, Template().MaxPoints);

    [Fact]
    public void A_parent_maximum_must_equal_its_children()
    {
        var ex = Assert.Throws<RuleViolation>(() => new CriteriaTemplate("X", "X", 2019,
            [CriterionNode.Group("1", "A", 5, CriterionNode.Leaf("1.1", "B", 2), CriterionNode.Leaf("1.2", "C", 2))]));
        Assert.Contains("khác tổng điểm", ex.Message);
    }

    [Fact]
    public void Codes_are_unique() =>
        Assert.Throws<RuleViolation>(() => new CriteriaTemplate("X", "X", 2019,
            [CriterionNode.Leaf("1", "A", 1), CriterionNode.Leaf("1", "B", 1)]));

    [Fact]
    public void The_tree_has_at_most_three_levels() =>
        Assert.Throws<RuleViolation>(() => new CriteriaTemplate("X", "X", 2019,
            [CriterionNode.Group("1", "A", 1, CriterionNode.Group("1.1", "B", 1, CriterionNode.Group("1.1.1", "C", 1, CriterionNode.Leaf("1.1.1.1", "D", 1))))]));

    [Theory]
    [InlineData(3.5)]
    [InlineData(-0.5)]
    public void A_score_lies_between_zero_and_its_maximum(double points)
    {
        var card = new Scorecard(Template(), 7);
        var ex = Assert.Throws<RuleViolation>(() => card.SetSelfScore("1.1.2", points, "Báo cáo 12/BC"));
        Assert.Equal("Points", ex.Field);
    }

    [Fact]
    public void Only_leaves_are_scored() =>
        Assert.Throws<RuleViolation>(() => new Scorecard(Template(), 7).SetSelfScore("1.1", 1, "x"));

    [Fact]
    public void A_self_score_needs_its_evidence_where_required()
    {
        var card = new Scorecard(Template(), 7);
        Assert.Throws<RuleViolation>(() => card.SetSelfScore("1.2", 2, null));
        card.SetSelfScore("1.2", 0, null);            // nothing claimed, nothing to prove
        card.SetSelfScore("3.2", 3, null);            // computed by the system, no document needed
        Assert.Equal(3, card.Total(ScoreStage.Self));
    }

    [Fact]
    public void Totals_and_index_at_both_stages()
    {
        var card = new Scorecard(Template(), 7);
        card.SetSelfScore("1.1.1", 1, "Kế hoạch 375/KH-SGDĐT ngày 28/01/2019");
        card.SetSelfScore("1.1.2", 3, "Báo cáo mức độ hoàn thành kế hoạch");
        card.SetSelfScore("1.2", 2, "Các báo cáo quý");
        card.SetSelfScore("3.1", 1, "Kế hoạch kiểm soát TTHC");
        card.SetSelfScore("3.2", 2.85, null);

        card.SetAppraisedScore("1.1.1", 1, null);
        card.SetAppraisedScore("1.1.2", 1.5, "Còn 3 nhiệm vụ chậm tiến độ");
        card.SetAppraisedScore("1.2", 2, null);
        card.SetAppraisedScore("3.1", 0, "Ban hành sau ngày 31/01");
        card.SetAppraisedScore("3.2", 2.85, null);

        Assert.Equal(4, card.Total("1.1", ScoreStage.Self));
        Assert.Equal(2.5, card.Total("1.1", ScoreStage.Appraised));
        Assert.Equal(9.85, card.Total(ScoreStage.Self));
        Assert.Equal(7.35, card.Total(ScoreStage.Appraised));
        Assert.Equal(98.5, card.IndexPercent(ScoreStage.Self));
        Assert.Equal(73.5, card.IndexPercent(ScoreStage.Appraised));
        var v = card.ToIndicator(ScoreStage.Appraised);
        Assert.Equal((IndicatorCodes.ParIndexScore, 7.35, 10.0, 73.5), (v.Code, v.Numerator!.Value, v.Denominator!.Value, v.Value!.Value));
    }

    [Fact]
    public void Appraisal_differing_from_the_self_score_needs_a_reason()
    {
        var card = new Scorecard(Template(), 7);
        card.SetSelfScore("3.1", 1, "Kế hoạch kiểm soát TTHC");
        Assert.Throws<RuleViolation>(() => card.SetAppraisedScore("3.1", 0, " "));
        card.SetAppraisedScore("3.1", 1, null);
        Assert.Equal(1, card.Total(ScoreStage.Appraised));
    }

    [Fact]
    public void Unscored_leaves_are_listed()
    {
        var card = new Scorecard(Template(), 7);
        card.SetSelfScore("3.2", 3, null);
        Assert.Equal(["1.1.1", "1.1.2", "1.2", "3.1"], card.Unscored(ScoreStage.Self).Select(n => n.Code).Order());
    }

    [Fact]
    public void Ties_share_a_rank_and_unscored_units_are_not_ranked()
    {
        var ranks = Ranking.Rank([(1, 80.5), (2, 92.0), (3, 80.5), (4, 70.0), (5, null)]);
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [1] = 2, [3] = 2, [4] = 4 }, ranks);
    }
}
