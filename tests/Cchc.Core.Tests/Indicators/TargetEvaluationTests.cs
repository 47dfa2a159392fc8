using Cchc.Core.Indicators;
using Cchc.Core.Plans;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Core.Tests.Indicators;

public sealed class TargetEvaluationTests
{
    private const double Midyear = 0.5;

    [Theory]
    [InlineData("2022-01-01", 0.0)]
    [InlineData("2021-06-01", 0.0)]
    [InlineData("2022-07-02", 182.0 / 365)]
    [InlineData("2022-12-31", 364.0 / 365)]   // the last day is still inside the period
    [InlineData("2023-01-01", 1.0)]
    public void Elapsed_fraction_of_a_year(string today, double expected) =>
        Assert.Equal(expected, TargetEvaluation.ElapsedFraction(new(2022, 1, 1), new(2022, 12, 31), DateOnly.Parse(today)), 9);

    [Fact]
    public void No_value_is_no_data() =>
        Assert.Equal(TargetStatus.NoData, TargetEvaluation.Evaluate(Comparator.AtLeast, 95, null, Midyear, IndicatorKind.Rate));

    [Theory]
    // Seed 002: on-time rate ≥ 95%.
    [InlineData(96.0, Midyear, TargetStatus.OnTrack)]   // a rate may still fall: not met before the year ends
    [InlineData(91.0, Midyear, TargetStatus.OnTrack)]   // within 5 points
    [InlineData(89.9, Midyear, TargetStatus.AtRisk)]
    [InlineData(96.0, 1.0, TargetStatus.Met)]
    [InlineData(94.0, 1.0, TargetStatus.Missed)]        // missed only once the period is over
    public void A_rate_at_least_target(double value, double elapsed, TargetStatus expected) =>
        Assert.Equal(expected, TargetEvaluation.Evaluate(Comparator.AtLeast, 95, value, elapsed, IndicatorKind.Rate));

    [Theory]
    // Seed 003: desk wait at most 30 minutes; tolerance 10% = 3 minutes.
    [InlineData(25.0, Midyear, TargetStatus.OnTrack)]
    [InlineData(33.0, Midyear, TargetStatus.OnTrack)]
    [InlineData(34.0, Midyear, TargetStatus.AtRisk)]
    [InlineData(30.0, 1.0, TargetStatus.Met)]
    [InlineData(31.0, 1.0, TargetStatus.Missed)]
    public void Minutes_at_most_target(double value, double elapsed, TargetStatus expected) =>
        Assert.Equal(expected, TargetEvaluation.Evaluate(Comparator.AtMost, 30, value, elapsed, IndicatorKind.Minutes));

    [Theory]
    // Seed 002: two dialogues with businesses a year.
    [InlineData(2.0, 0.3, TargetStatus.Met)]        // a count cannot go down: met as soon as reached
    [InlineData(1.0, Midyear, TargetStatus.OnTrack)] // pro rata: 2 × 0.5 = 1
    [InlineData(0.0, Midyear, TargetStatus.AtRisk)]
    [InlineData(0.0, 0.0, TargetStatus.OnTrack)]
    [InlineData(1.0, 1.0, TargetStatus.Missed)]
    public void A_count_at_least_target(double value, double elapsed, TargetStatus expected) =>
        Assert.Equal(expected, TargetEvaluation.Evaluate(Comparator.AtLeast, 2, value, elapsed, IndicatorKind.Count));

    [Fact]
    public void A_capped_count_already_exceeded_is_missed_at_once() =>
        Assert.Equal(TargetStatus.Missed, TargetEvaluation.Evaluate(Comparator.AtMost, 3, 4, 0.2, IndicatorKind.Count));

    [Fact]
    public void A_plan_target_uses_the_entered_figure_when_there_is_no_live_value()
    {
        // Seed 000: 100% of staff trained (entered with evidence).
        var t = new Target("STAFF_TRAINED_RATE", null, Comparator.Equal, 100, "%", 2022);
        Assert.Equal(TargetStatus.NoData, TargetEvaluation.Evaluate(t, null, 1));
        t.Enter(100, "Báo cáo 45/BC-PGD", new DateOnly(2022, 12, 15));
        Assert.Equal(TargetStatus.Met, TargetEvaluation.Evaluate(t, null, 1));
        Assert.Equal(TargetStatus.Missed, TargetEvaluation.Evaluate(t, 97, 1));   // a live value wins
    }

    [Fact]
    public void A_custom_target_in_times_is_a_count()
    {
        var t = new Target(null, "Đối thoại với doanh nghiệp", Comparator.AtLeast, 2, "times", 2019);
        Assert.Equal(IndicatorKind.Count, TargetEvaluation.KindOf(t));
        Assert.Equal(TargetStatus.Met, TargetEvaluation.Evaluate(t, 2, 0.4));
    }

    [Fact]
    public void The_period_is_the_target_year_else_the_plan_period()
    {
        var plan = new Plan(1, "Giai đoạn 2021-2025", 2021, 2025);
        var yearly = new Target("DOSSIER_ONLINE_RATE", null, Comparator.AtLeast, 30, "%", 2023);
        var whole = new Target("SELF_FINANCED_UNIT_RATE", null, Comparator.AtLeast, 20, "%", null);
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), TargetEvaluation.PeriodOf(yearly, plan));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31)), TargetEvaluation.PeriodOf(whole, plan));
    }

    // Seed 004: "Tỷ lệ hồ sơ giải quyết đúng hạn … đạt trên từ 97% không có lĩnh vực nào dưới 95%".
    private static Target Seed004()
    {
        var t = new Target("DOSSIER_ON_TIME_RATE", null, Comparator.AtLeast, 97, "%", 2019);
        t.SetGroupMinimum(95);
        return t;
    }

    [Fact]
    public void Every_field_above_its_floor_meets_the_target()
    {
        var r = TargetEvaluation.EvaluateWithGroups(Seed004(), 98,
            new Dictionary<string, double?> { ["Giáo dục trung học"] = 96, ["Văn bằng"] = 99, ["Không có hồ sơ"] = null }, 1);
        Assert.Equal(TargetStatus.Met, r.Status);
        Assert.Empty(r.GroupsBelowMinimum);
    }

    [Fact]
    public void One_field_below_95_misses_the_target_even_when_the_whole_meets_it()
    {
        var r = TargetEvaluation.EvaluateWithGroups(Seed004(), 98,
            new Dictionary<string, double?> { ["Giáo dục trung học"] = 94, ["Văn bằng"] = 99 }, 1);
        Assert.Equal(TargetStatus.Missed, r.Status);
        Assert.Equal(TargetStatus.Met, r.Overall);
        Assert.Equal(["Giáo dục trung học"], r.GroupsBelowMinimum);
    }

    [Fact]
    public void During_the_year_a_field_far_below_its_floor_puts_the_target_at_risk()
    {
        var r = TargetEvaluation.EvaluateWithGroups(Seed004(), 98,
            new Dictionary<string, double?> { ["Giáo dục trung học"] = 80 }, Midyear);
        Assert.Equal(TargetStatus.AtRisk, r.Status);
    }

    [Fact]
    public void Once_the_period_is_over_only_met_missed_or_no_data_remain()
    {
        var comparators = Enum.GetValues<Comparator>();
        var kinds = Enum.GetValues<IndicatorKind>();
        Prop.ForAll(ArbMap.Default.ArbFor<(byte, byte, byte, byte)>(), r =>
        {
            var s = TargetEvaluation.Evaluate(comparators[r.Item1 % comparators.Length], r.Item2 % 101, r.Item3 % 101, 1, kinds[r.Item4 % kinds.Length]);
            return s is TargetStatus.Met or TargetStatus.Missed;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_higher_rate_never_evaluates_worse_for_an_at_least_target()
    {
        static int Rank(TargetStatus s) => s switch { TargetStatus.Met => 0, TargetStatus.OnTrack => 1, TargetStatus.AtRisk => 2, _ => 3 };
        Prop.ForAll(ArbMap.Default.ArbFor<(byte, byte, byte, byte)>(), r =>
        {
            double target = r.Item1 % 101, low = r.Item2 % 101, high = low + r.Item3 % 20, elapsed = r.Item4 / 255.0;
            return Rank(TargetEvaluation.Evaluate(Comparator.AtLeast, target, high, elapsed, IndicatorKind.Rate))
                <= Rank(TargetEvaluation.Evaluate(Comparator.AtLeast, target, low, elapsed, IndicatorKind.Rate));
        }).QuickCheckThrowOnFailure();
    }
}
