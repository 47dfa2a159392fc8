namespace Cchc.Core.Indicators;

/// <summary>
/// One indicator's value for a unit and period. For a rate, <see cref="Value"/> = numerator ÷ denominator ×
/// 100, and null when the denominator is 0: nothing to measure is "no data", never 0% (domain-rules D).
/// Numerator and denominator stay visible so that a reader can check the figure and roll it up.
/// </summary>
public sealed record IndicatorValue(string Code, double? Numerator, double? Denominator, double? Value)
{
    public bool HasValue => Value is not null;

    public static IndicatorValue Rate(string code, double numerator, double denominator) =>
        new(code, numerator, denominator, denominator == 0 ? null : numerator / denominator * 100);

    public static IndicatorValue Average(string code, double sum, double count) =>
        new(code, sum, count, count == 0 ? null : sum / count);

    /// <summary>A value that is not a ratio: an entered figure, a count, a rank, a score.</summary>
    public static IndicatorValue Of(string code, double? value) => new(code, null, null, value);

    /// <summary>
    /// Values of several units summed as fractions (numerators over denominators), not averaged: a school
    /// with 2 dossiers must not weigh like a department with 2,000. Rates stay rates, averages stay averages.
    /// </summary>
    public static IndicatorValue RollUp(string code, IEnumerable<IndicatorValue> parts)
    {
        double n = 0, d = 0;
        foreach (var p in parts)
        {
            if (p.Numerator is null || p.Denominator is null)
                throw new ArgumentException("Only values with a numerator and denominator roll up.", nameof(parts));
            n += p.Numerator.Value;
            d += p.Denominator.Value;
        }
        return IndicatorCatalogue.Find(code)?.Kind == IndicatorKind.Minutes ? Average(code, n, d) : Rate(code, n, d);
    }

    /// <summary>Items passing <paramref name="inNumerator"/> ÷ items passing <paramref name="inDenominator"/>.</summary>
    internal static IndicatorValue RateOf<T>(string code, IEnumerable<T> items, Func<T, bool> inDenominator, Func<T, bool> inNumerator)
    {
        int n = 0, d = 0;
        foreach (var item in items)
        {
            if (!inDenominator(item)) continue;
            d++;
            if (inNumerator(item)) n++;
        }
        return Rate(code, n, d);
    }
}
