using Cchc.Core.Scoring;

namespace Cchc.Core.Tests.Scoring;

public sealed class ServiceIndexTests
{
    [Fact]
    public void The_766_table_adds_up_to_100_in_six_groups()
    {
        // domain-rules D: 18 + 20 + 12 + 10 + 22 + 18 = 100.
        Assert.Equal([18.0, 20, 12, 10, 22, 18], ServiceIndex.Decision766.Select(g => g.MaxPoints));
        Assert.Equal(100, ServiceIndex.Decision766.Sum(g => g.MaxPoints));
    }

    [Fact]
    public void Scores_each_indicator_and_leaves_unmeasured_ones_out_of_the_measured_maximum()
    {
        var ratios = new Dictionary<string, double?>
        {
            ["2.1"] = 95,        // 20 × 95% = 19
            ["3.5"] = 60,        // 2 × 60 / 80 = 1.5
            ["5.4"] = 85,        // 6 × 85 / 90 = 5.67
            ["3.6"] = null,      // no fee-bearing dossier
        };
        var r = ServiceIndex.Score(ServiceIndex.Decision766, ratios);
        Assert.Equal(26.17, r.Points);
        Assert.Equal(100, r.MaxPoints);
        Assert.Equal(28, r.MeasuredMax);
        Assert.Equal(19, r.Groups.Single(g => g.Number == "2").Points);
        Assert.Null(r.Groups.Single(g => g.Number == "4").Indicators.Single(i => i.Id == "3.6").Points);
    }
}
