using Cchc.Core.Common;

namespace Cchc.Core.Plans;

/// <summary>How a target's value is compared: the symbols of plan-import.md (= &gt;= &lt;= &gt; &lt;).</summary>
public enum Comparator
{
    AtLeast,
    AtMost,
    Above,
    Below,
    Equal,
}

public static class Comparators
{
    public static string Symbol(this Comparator c) => c switch
    {
        Comparator.AtLeast => ">=",
        Comparator.AtMost => "<=",
        Comparator.Above => ">",
        Comparator.Below => "<",
        _ => "=",
    };

    /// <summary>Reads the importer's symbol; "≥" and "≤" are accepted as well.</summary>
    public static Comparator Parse(string symbol) => symbol.Trim() switch
    {
        ">=" or "≥" => Comparator.AtLeast,
        "<=" or "≤" => Comparator.AtMost,
        ">" => Comparator.Above,
        "<" => Comparator.Below,
        "=" => Comparator.Equal,
        _ => throw new RuleViolation($"Phép so sánh \"{symbol}\" không hợp lệ (dùng =, >=, <=, >, <).", nameof(Target.Comparator)),
    };

    /// <summary>
    /// True when <paramref name="actual"/> satisfies the target. A rate of 99.995% meets "= 100%": values
    /// are compared at the two decimals they are shown with (domain-rules D).
    /// </summary>
    public static bool Holds(this Comparator c, double actual, double target)
    {
        var a = Math.Round(actual, 2, MidpointRounding.AwayFromZero);
        var t = Math.Round(target, 2, MidpointRounding.AwayFromZero);
        return c switch
        {
            Comparator.AtLeast => a >= t,
            Comparator.AtMost => a <= t,
            Comparator.Above => a > t,
            Comparator.Below => a < t,
            _ => a == t,
        };
    }

    /// <summary>True when larger values come closer to satisfying the comparator ("= 100%" is read as "at least").</summary>
    public static bool WantsMore(this Comparator c) => c is Comparator.AtLeast or Comparator.Above or Comparator.Equal;
}
