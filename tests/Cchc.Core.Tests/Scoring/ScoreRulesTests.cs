using Cchc.Core.Indicators;
using Cchc.Core.Scoring;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Core.Tests.Scoring;

public sealed class ScoreRulesTests
{
    [Theory]
    // domain-rules D, 766 indicator 2.1: the portal scores 20 × onTime / received.
    [InlineData(95, 100, 19.0)]
    [InlineData(100, 100, 20.0)]
    [InlineData(2, 3, 13.33)]
    public void Group_2_scores_20_times_the_on_time_ratio(int onTime, int received, double expected) =>
        Assert.Equal(expected, ScoreRules.Proportional(20, IndicatorValue.Rate("DOSSIER_ON_TIME_RATE", onTime, received).Value));

    [Theory]
    // 766 indicator 3.5: fee-bearing procedures integrated with online payment, full at ≥ 80%, max 2.
    [InlineData(60, 1.5)]
    [InlineData(80, 2.0)]
    [InlineData(95, 2.0)]       // capped at the maximum
    [InlineData(0, 0.0)]
    public void Thresholded_score_is_full_from_the_threshold(double ratio, double expected) =>
        Assert.Equal(expected, ScoreRules.Thresholded(2, ratio, 80));

    [Fact]
    public void Satisfaction_with_procedures_is_full_from_90_percent()
    {
        // 766 indicator 5.4: ratio = 100% − (% late + % with feedback or dislike); full at ≥ 90%, max 6.
        var ratio = 100 - (5 + 10);
        Assert.Equal(5.67, new ScoredIndicator("5.4", "Hài lòng tiếp nhận, giải quyết TTHC", 6, 90).Score(ratio));
    }

    [Fact]
    public void Nothing_to_measure_scores_nothing_not_zero()
    {
        Assert.Null(ScoreRules.Thresholded(6, null, 80));
        Assert.Null(ScoreRules.Proportional(20, IndicatorValue.Rate("DOSSIER_ON_TIME_RATE", 0, 0).Value));
    }

    [Theory]
    // domain-rules E1 "Mức độ thực hiện kế hoạch": 100% of tasks done = full; ≥ 80% = partial; < 80% = 0.
    [InlineData(100, 2.0)]
    [InlineData(85, 1.0)]
    [InlineData(79.9, 0.0)]
    public void Plan_completion_scores_by_bands(double ratio, double expected) =>
        Assert.Equal(expected, ScoreRules.Banded(2, ratio, [(100, 1), (80, 0.5)]));

    [Fact]
    public void A_score_never_leaves_zero_to_max()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(byte, short, byte)>(), r =>
        {
            double max = r.Item1 % 30, ratio = r.Item2 % 150, threshold = r.Item3 % 100 + 1;
            var t = ScoreRules.Thresholded(max, ratio, threshold)!.Value;
            var p = ScoreRules.Proportional(max, ratio)!.Value;
            return t >= 0 && t <= max && p >= 0 && p <= max && t >= p - 0.01;
        }).QuickCheckThrowOnFailure();
    }
}
