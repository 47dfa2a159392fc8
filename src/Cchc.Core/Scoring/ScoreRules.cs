namespace Cchc.Core.Scoring;

/// <summary>
/// Points from a ratio (domain-rules D, the generic rule of Decision 766/QĐ-TTg): a thresholded indicator
/// scores <c>min(max, max × ratio / threshold)</c>, any other <c>max × ratio</c>. Ratios and thresholds are
/// percentages (0–100) like <see cref="Indicators.IndicatorValue"/>; a null ratio (nothing to measure)
/// scores null, never 0. Scores are rounded to 2 decimals, as the portal shows them.
/// </summary>
public static class ScoreRules
{
    public static double? Thresholded(double max, double? ratioPercent, double thresholdPercent)
    {
        if (max < 0) throw new ArgumentOutOfRangeException(nameof(max));
        if (thresholdPercent is <= 0 or > 100) throw new ArgumentOutOfRangeException(nameof(thresholdPercent));
        if (ratioPercent is not { } r) return null;
        return Round(Math.Min(max, max * Math.Max(0, r) / thresholdPercent));
    }

    public static double? Proportional(double max, double? ratioPercent)
    {
        if (max < 0) throw new ArgumentOutOfRangeException(nameof(max));
        if (ratioPercent is not { } r) return null;
        return Round(max * Math.Clamp(r, 0, 100) / 100);
    }

    /// <summary>
    /// Points by bands, highest first: the first band whose floor the ratio reaches gives its share of the
    /// maximum (domain-rules E1 "Mức độ thực hiện kế hoạch": 100% → full, ≥ 80% → part, below → 0).
    /// </summary>
    public static double? Banded(double max, double? ratioPercent, IReadOnlyList<(double AtLeastPercent, double Share)> bands)
    {
        if (ratioPercent is not { } r) return null;
        foreach (var (floor, share) in bands.OrderByDescending(b => b.AtLeastPercent))
        {
            if (r >= floor) return Round(max * Math.Clamp(share, 0, 1));
        }
        return 0;
    }

    internal static double Round(double points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One scored indicator of a service-quality index: its maximum and, when thresholded, the ratio giving full points.</summary>
public sealed record ScoredIndicator(string Id, string Name, double MaxPoints, double? ThresholdPercent = null)
{
    public double? Score(double? ratioPercent) =>
        ThresholdPercent is { } t ? ScoreRules.Thresholded(MaxPoints, ratioPercent, t) : ScoreRules.Proportional(MaxPoints, ratioPercent);
}
