using Cchc.Core.Common;
using Cchc.Core.Plans;

namespace Cchc.Core.Tests.Plans;

public sealed class TargetTests
{
    [Theory]
    [InlineData(">=", Comparator.AtLeast)]
    [InlineData("≥", Comparator.AtLeast)]
    [InlineData("<=", Comparator.AtMost)]
    [InlineData(">", Comparator.Above)]
    [InlineData("<", Comparator.Below)]
    [InlineData("=", Comparator.Equal)]
    public void Comparator_symbols_of_the_import_contract_are_read(string symbol, Comparator expected)
    {
        Assert.Equal(expected, Comparators.Parse(symbol));
        Assert.Equal(symbol.Replace("≥", ">="), Comparators.Parse(symbol).Symbol());
    }

    [Fact]
    public void An_unknown_comparator_is_refused() =>
        Assert.Throws<RuleViolation>(() => Comparators.Parse("~"));

    [Theory]
    [InlineData(Comparator.AtLeast, 95, 95, true)]
    [InlineData(Comparator.AtLeast, 94.99, 95, false)]
    [InlineData(Comparator.Above, 80, 80, false)]      // seed 004 "trên 80%": 80 is not above
    [InlineData(Comparator.AtMost, 30, 30, true)]      // seed 003: wait at most 30 minutes
    [InlineData(Comparator.Below, 30, 30, false)]
    [InlineData(Comparator.Equal, 99.999, 100, true)]  // shown as 100.00%
    public void Comparators_hold_at_two_decimals(Comparator c, double actual, double target, bool holds) =>
        Assert.Equal(holds, c.Holds(actual, target));

    [Fact]
    public void A_target_needs_a_code_or_a_name()
    {
        var ex = Assert.Throws<RuleViolation>(() => new Target(null, " ", Comparator.AtLeast, 95, "%", 2019));
        Assert.Equal(nameof(Target.CustomName), ex.Field);
        var dialogues = new Target(null, "Đối thoại với doanh nghiệp", Comparator.AtLeast, 2, "times", 2019);
        Assert.Equal("Đối thoại với doanh nghiệp", dialogues.DisplayName);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_rate_lies_between_0_and_100(double value) =>
        Assert.Throws<RuleViolation>(() => new Target("DOSSIER_ON_TIME_RATE", null, Comparator.AtLeast, value, "%", 2019));

    [Fact]
    public void A_trajectory_is_several_targets_on_one_line()
    {
        // Seed 001: online dossiers ≥30% by 2023 and ≥50% by 2025.
        var t2023 = new Target("DOSSIER_ONLINE_RATE", null, Comparator.AtLeast, 30, "%", 2023);
        var t2025 = new Target("DOSSIER_ONLINE_RATE", null, Comparator.AtLeast, 50, "%", 2025);
        t2023.JoinLine("online-dossiers");
        t2025.JoinLine("online-dossiers");
        Assert.Equal(t2023.LineKey, t2025.LineKey);
    }

    [Fact]
    public void The_group_minimum_is_not_above_the_target()
    {
        // Seed 004: "đạt trên từ 97% không có lĩnh vực nào dưới 95%".
        var t = new Target("DOSSIER_ON_TIME_RATE", null, Comparator.AtLeast, 97, "%", 2019);
        t.SetGroupMinimum(95);
        Assert.Equal(95, t.GroupMinimum);
        Assert.Throws<RuleViolation>(() => t.SetGroupMinimum(98));
    }

    [Fact]
    public void An_entered_figure_needs_its_evidence()
    {
        var t = new Target("STAFF_TRAINED_RATE", null, Comparator.Equal, 100, "%", 2022);
        Assert.Throws<RuleViolation>(() => t.Enter(100, " ", new DateOnly(2022, 12, 1)));
        t.Enter(96.5, "Báo cáo số 12/BC-PGD ngày 01/12/2022", new DateOnly(2022, 12, 1));
        Assert.Equal(96.5, t.EnteredValue);
        t.ClearEntry();
        Assert.Null(t.EnteredValue);
        Assert.Null(t.EvidenceNote);
    }

    [Fact]
    public void A_range_tops_its_value()
    {
        // Seed 004: "từ 30 đến 40% số lượng thủ tục hành chính … trực tuyến".
        var t = new Target("PROCEDURE_ONLINE_COVERAGE", null, Comparator.AtLeast, 30, "%", 2019);
        t.SetRange(40);
        Assert.Equal(40, t.ValueTo);
        Assert.Throws<RuleViolation>(() => t.SetRange(20));
    }

    [Fact]
    public void A_change_target_is_measured_against_an_earlier_year()
    {
        // Seed 004: PAR index score in 2019 higher than in 2018.
        var t = new Target("PAR_INDEX_SCORE", null, Comparator.Above, 0, "points", 2019);
        t.SetChange(TargetChange.Increase, 2018);
        Assert.Equal((TargetChange.Increase, 2018), (t.Change, t.BaseYear!.Value));
        Assert.Throws<RuleViolation>(() => t.SetChange(TargetChange.Increase, 2019));
        t.SetChange(TargetChange.None, 2018);
        Assert.Null(t.BaseYear);
    }
}
