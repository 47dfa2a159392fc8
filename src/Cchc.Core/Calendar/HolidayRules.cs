namespace Cchc.Core.Calendar;

/// <summary>What a special day of the calendar is.</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday of the Labour Code (nghỉ lễ, tết).</summary>
    PublicHoliday,

    /// <summary>A day off decided outside the holiday rules: compensatory day, swapped day (nghỉ bù, hoán đổi).</summary>
    DayOff,

    /// <summary>A day that would be off but is worked: make-up Saturday (ngày làm bù).</summary>
    WorkingDay,
}

/// <summary>One public holiday on one date, with its Vietnamese name.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// How the day adjacent to Quốc khánh (Labour Code 2019 art. 112.1đ: 02/9 and one day before or after)
/// is chosen when the Prime Minister's yearly decision is not yet known.
/// </summary>
public enum AdjacentDayChoice
{
    /// <summary>
    /// The neighbour that is a working day and joins the holiday to a weekend; 3/9 when neither or both do.
    /// Reproduces the decisions of 2021 (Thu → 3/9), 2022 (Fri → 1/9), 2023 (Sat → 1/9), 2024 (Mon → 3/9), 2025 (Tue → 1/9).
    /// </summary>
    JoinWeekend,
    Before,
    After,
}

/// <summary>A rule that yields the public holidays of one Gregorian year.</summary>
public abstract record HolidayRule
{
    public abstract IEnumerable<PublicHoliday> For(int year, IReadOnlySet<DayOfWeek> weeklyRestDays);
}

/// <summary>A fixed day of the solar calendar, e.g. 30/4.</summary>
public sealed record SolarHolidayRule(int Month, int Day, string Name) : HolidayRule
{
    public override IEnumerable<PublicHoliday> For(int year, IReadOnlySet<DayOfWeek> weeklyRestDays) =>
        [new PublicHoliday(new DateOnly(year, Month, Day), Name)];
}

/// <summary>A fixed day of the Vietnamese lunar calendar falling in the solar year, e.g. Giỗ Tổ 10/3.</summary>
public sealed record LunarHolidayRule(int LunarMonth, int LunarDay, string Name) : HolidayRule
{
    public override IEnumerable<PublicHoliday> For(int year, IReadOnlySet<DayOfWeek> weeklyRestDays) =>
        [new PublicHoliday(VietnameseLunarCalendar.ToSolar(year, LunarMonth, LunarDay), Name)];
}

/// <summary>
/// Tết Âm lịch: <see cref="DaysBefore"/> last days of the old lunar year and <see cref="DaysFrom"/> first
/// days of the new one (domain-rules B1.1 default: 1 + 4 = 5 days). The Prime Minister fixes the actual
/// days each year (art. 112.3); differences are entered as <see cref="CalendarAdjustment"/>s.
/// </summary>
public sealed record LunarNewYearRule(int DaysBefore, int DaysFrom, string Name) : HolidayRule
{
    public override IEnumerable<PublicHoliday> For(int year, IReadOnlySet<DayOfWeek> weeklyRestDays)
    {
        var newYear = VietnameseLunarCalendar.NewYear(year);
        for (int offset = -DaysBefore; offset < DaysFrom; offset++)
        {
            var date = newYear.AddDays(offset);
            var lunar = VietnameseLunarCalendar.FromSolar(date);
            string day = lunar.Month == 1 ? $"mùng {lunar.Day} tháng Giêng" : $"{lunar.Day} tháng Chạp";
            yield return new PublicHoliday(date, $"{Name} ({day})");
        }
    }
}

/// <summary>A solar day plus one adjacent day chosen by <see cref="Choice"/> (Quốc khánh since 2021).</summary>
public sealed record SolarHolidayWithAdjacentDayRule(int Month, int Day, string Name, string AdjacentName, AdjacentDayChoice Choice)
    : HolidayRule
{
    public override IEnumerable<PublicHoliday> For(int year, IReadOnlySet<DayOfWeek> weeklyRestDays)
    {
        var day = new DateOnly(year, Month, Day);
        var before = day.AddDays(-1);
        var after = day.AddDays(1);
        var adjacent = Choice switch
        {
            AdjacentDayChoice.Before => before,
            AdjacentDayChoice.After => after,
            _ => ChooseJoiningWeekend(before, after, weeklyRestDays),
        };
        yield return new PublicHoliday(day, Name);
        yield return new PublicHoliday(adjacent, AdjacentName);
    }

    private static DateOnly ChooseJoiningWeekend(DateOnly before, DateOnly after, IReadOnlySet<DayOfWeek> rest)
    {
        bool beforeWorks = !rest.Contains(before.DayOfWeek);
        bool afterWorks = !rest.Contains(after.DayOfWeek);
        if (beforeWorks != afterWorks)
        {
            return beforeWorks ? before : after;
        }

        bool beforeJoins = rest.Contains(before.AddDays(-1).DayOfWeek);
        bool afterJoins = rest.Contains(after.AddDays(1).DayOfWeek);
        return beforeJoins && !afterJoins ? before : after;
    }
}

/// <summary>
/// The public holidays of one law, in force from <see cref="EffectiveFromYear"/> until the next set.
/// Data, not code: a new law or amendment is a new instance (domain-rules 0.1, B1.1).
/// </summary>
public sealed record HolidayRuleSet(int EffectiveFromYear, string LegalBasis, IReadOnlyList<HolidayRule> Rules)
{
    /// <summary>Civil servants work Monday–Friday (40-hour week, QĐ 188/1999/QĐ-TTg).</summary>
    public IReadOnlySet<DayOfWeek> WeeklyRestDays { get; init; } = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    public IReadOnlyList<PublicHoliday> HolidaysOf(int year) =>
        [.. Rules.SelectMany(r => r.For(year, WeeklyRestDays)).OrderBy(h => h.Date)];
}

/// <summary>The holiday rule sets in force over time; picks the one for a year.</summary>
public sealed class HolidayRuleBook
{
    private readonly HolidayRuleSet[] _sets;

    public HolidayRuleBook(IEnumerable<HolidayRuleSet> sets)
    {
        _sets = [.. sets.OrderBy(s => s.EffectiveFromYear)];
        if (_sets.Length == 0)
        {
            throw new ArgumentException("At least one holiday rule set is needed.", nameof(sets));
        }

        if (_sets.Select(s => s.EffectiveFromYear).Distinct().Count() != _sets.Length)
        {
            throw new ArgumentException("Two holiday rule sets start in the same year.", nameof(sets));
        }
    }

    public IReadOnlyList<HolidayRuleSet> Sets => _sets;

    public int FirstYear => _sets[0].EffectiveFromYear;

    public HolidayRuleSet ForYear(int year)
    {
        for (int i = _sets.Length - 1; i >= 0; i--)
        {
            if (_sets[i].EffectiveFromYear <= year)
            {
                return _sets[i];
            }
        }

        throw new ArgumentOutOfRangeException(nameof(year), year, $"No holiday rules before {FirstYear}.");
    }
}

/// <summary>The statutory holiday rules of Vietnam as shipped; admins add later sets as data.</summary>
public static class VietnamHolidayRules
{
    private const string NewYearsDay = "Tết Dương lịch (1/1)";
    private const string LunarNewYear = "Tết Âm lịch";
    private const string HungKings = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";
    private const string Victory = "Ngày Chiến thắng (30/4)";
    private const string Labour = "Ngày Quốc tế Lao động (1/5)";
    private const string NationalDay = "Quốc khánh (2/9)";

    /// <summary>Labour Code 10/2012/QH13 art. 115 (from 01/05/2013; applied to the whole of 2013): 1/1, Tết 5 days, 10/3 lunar, 30/4, 1/5, 2/9.</summary>
    public static HolidayRuleSet LabourCode2012 { get; } = new(
        2013,
        "Bộ luật Lao động số 10/2012/QH13, Điều 115",
        [
            new SolarHolidayRule(1, 1, NewYearsDay),
            new LunarNewYearRule(1, 4, LunarNewYear),
            new LunarHolidayRule(3, 10, HungKings),
            new SolarHolidayRule(4, 30, Victory),
            new SolarHolidayRule(5, 1, Labour),
            new SolarHolidayRule(9, 2, NationalDay),
        ]);

    /// <summary>Labour Code 45/2019/QH14 art. 112.1 (from 01/01/2021): as 2012 plus one day adjacent to 2/9.</summary>
    public static HolidayRuleSet LabourCode2019 { get; } = new(
        2021,
        "Bộ luật Lao động số 45/2019/QH14, Điều 112",
        [
            new SolarHolidayRule(1, 1, NewYearsDay),
            new LunarNewYearRule(1, 4, LunarNewYear),
            new LunarHolidayRule(3, 10, HungKings),
            new SolarHolidayRule(4, 30, Victory),
            new SolarHolidayRule(5, 1, Labour),
            new SolarHolidayWithAdjacentDayRule(9, 2, NationalDay, "Quốc khánh (ngày liền kề 2/9)", AdjacentDayChoice.JoinWeekend),
        ]);

    public static HolidayRuleBook Default { get; } = new([LabourCode2012, LabourCode2019]);

    /// <summary>
    /// Proposes the compensatory days of Labour Code 2019 art. 111.3 (a holiday on a weekly rest day is
    /// compensated on the next working day) for an admin to confirm. The calendar never adds them by itself:
    /// the Prime Minister's yearly decision often places them differently (domain-rules B1.1).
    /// </summary>
    public static IReadOnlyList<CalendarAdjustment> ProposeCompensatoryDays(HolidayRuleSet rules, int year)
    {
        var holidays = rules.HolidaysOf(year);
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var proposals = new List<CalendarAdjustment>();
        foreach (var holiday in holidays.Where(h => rules.WeeklyRestDays.Contains(h.Date.DayOfWeek)))
        {
            var day = holiday.Date.AddDays(1);
            while (rules.WeeklyRestDays.Contains(day.DayOfWeek) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            proposals.Add(new CalendarAdjustment(day, CalendarAdjustmentKind.DayOff,
                $"Nghỉ bù {holiday.Name} trùng ngày nghỉ hằng tuần {holiday.Date:dd/MM/yyyy} (Bộ luật Lao động 2019, Điều 111 khoản 3)"));
        }

        return proposals;
    }
}
