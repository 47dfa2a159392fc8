using System.Globalization;
using Cchc.Core.Common;

namespace Cchc.Core.Indicators;

/// <summary>The periods reports use (TT 01/2018 reporting regime: month, quarter, 6 months, year) and any date range.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Half,
    Year,
    Range,
}

/// <summary>
/// A reporting period: calendar days <see cref="From"/>..<see cref="To"/> inclusive, in Việt Nam's calendar
/// (the caller decides "today" in Asia/Ho_Chi_Minh). Quarters and halves follow the calendar year.
/// </summary>
public sealed record ReportingPeriod(PeriodKind Kind, DateOnly From, DateOnly To)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static ReportingPeriod Month(int year, int month) =>
        Check(new(PeriodKind.Month, new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month))));

    public static ReportingPeriod Quarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4) throw new RuleViolation("Quý phải từ 1 đến 4.", "Number");
        var first = (quarter - 1) * 3 + 1;
        return Check(new(PeriodKind.Quarter, new DateOnly(year, first, 1), new DateOnly(year, first + 2, DateTime.DaysInMonth(year, first + 2))));
    }

    /// <summary>"6 tháng đầu năm" (half 1, 01/01–30/06) or "6 tháng cuối năm" (half 2, 01/07–31/12).</summary>
    public static ReportingPeriod Half(int year, int half)
    {
        if (half is < 1 or > 2) throw new RuleViolation("Nửa năm phải là 1 (6 tháng đầu năm) hoặc 2 (6 tháng cuối năm).", "Number");
        return Check(half == 1
            ? new(PeriodKind.Half, new DateOnly(year, 1, 1), new DateOnly(year, 6, 30))
            : new(PeriodKind.Half, new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)));
    }

    public static ReportingPeriod Year(int year) => Check(new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));

    public static ReportingPeriod Range(DateOnly from, DateOnly to)
    {
        if (from > to) throw new RuleViolation("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", "From");
        return Check(new(PeriodKind.Range, from, to));
    }

    /// <summary>Builds a period from its kind, year and number (month 1–12, quarter 1–4, half 1–2; ignored for a year).</summary>
    public static ReportingPeriod Of(PeriodKind kind, int year, int number) => kind switch
    {
        PeriodKind.Month when number is < 1 or > 12 => throw new RuleViolation("Tháng phải từ 1 đến 12.", "Number"),
        PeriodKind.Month => Month(year, number),
        PeriodKind.Quarter => Quarter(year, number),
        PeriodKind.Half => Half(year, number),
        PeriodKind.Year => Year(year),
        _ => throw new RuleViolation("Khoảng ngày cần ngày bắt đầu và ngày kết thúc.", "Kind"),
    };

    /// <summary>The month, quarter or half number of the period (1 for a year or a range).</summary>
    public int Number => Kind switch
    {
        PeriodKind.Month => From.Month,
        PeriodKind.Quarter => (From.Month - 1) / 3 + 1,
        PeriodKind.Half => From.Month <= 6 ? 1 : 2,
        _ => 1,
    };

    public bool Contains(DateOnly day) => From <= day && day <= To;

    /// <summary>True when this period lies wholly inside <paramref name="other"/>.</summary>
    public bool Within(ReportingPeriod other) => other.From <= From && To <= other.To;

    /// <summary>The calendar months the period touches, first to last.</summary>
    public IReadOnlyList<ReportingPeriod> Months()
    {
        var list = new List<ReportingPeriod>();
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) list.Add(Month(m.Year, m.Month));
        return list;
    }

    /// <summary>How a Vietnamese report names the period: "Tháng 3/2025", "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => $"Tháng {From.Month}/{From.Year}",
        PeriodKind.Quarter => $"Quý {Roman[Number - 1]}/{From.Year}",
        PeriodKind.Half => Number == 1 ? $"6 tháng đầu năm {From.Year}" : $"6 tháng cuối năm {From.Year}",
        PeriodKind.Year => $"Năm {From.Year}",
        _ => $"Từ {Day(From)} đến {Day(To)}",
    };

    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static ReportingPeriod Check(ReportingPeriod p)
    {
        if (p.From.Year is < 2000 or > 2100 || p.To.Year is < 2000 or > 2100)
            throw new RuleViolation("Năm phải từ 2000 đến 2100.", "Year");
        return p;
    }

}
