namespace Cchc.Core.Calendar;

/// <summary>
/// The Vietnamese lunar calendar (âm lịch): the Chinese-type lunisolar calendar computed for UTC+7
/// (meridian 105°E), the time zone Vietnam has used for it since 1968. It differs from the Chinese
/// calendar (UTC+8) whenever a new moon or a principal term falls between 23:00 and 24:00 Vietnam time,
/// e.g. Tết 1985 (VN 1985-01-21, CN 1985-02-20), 2007 (VN 2007-02-17, CN 2007-02-18) and 2030
/// (VN 2030-02-02, CN 2030-02-03). domain-rules B2.1: .NET's <c>ChineseLunisolarCalendar</c> is UTC+8
/// and must not be used as the source of truth.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>Vietnam's standard time (and the lunar calendar's meridian): UTC+7, no daylight saving.</summary>
    public const double UtcOffsetHours = 7.0;

    private static readonly LunisolarCalendarTable Table = new(UtcOffsetHours);

    public static DateOnly MinSolarDate => Table.MinSolarDate;

    public static DateOnly MaxSolarDate => Table.MaxSolarDate;

    public static LunarDate FromSolar(DateOnly date) => Table.FromSolar(date);

    public static DateOnly ToSolar(LunarDate date) => Table.ToSolar(date);

    public static DateOnly ToSolar(int year, int month, int day, bool isLeapMonth = false) =>
        Table.ToSolar(new LunarDate(year, month, day, isLeapMonth));

    /// <summary>Tết Nguyên đán: day 1 of month 1 of lunar year <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => Table.NewYear(year);

    /// <summary>Giỗ Tổ Hùng Vương: day 10 of month 3 (the ordinary month 3, not a leap one).</summary>
    public static DateOnly HungKingsDay(int year) => Table.ToSolar(new LunarDate(year, 3, 10));

    public static int? LeapMonthOf(int year) => Table.LeapMonthOf(year);

    public static int DaysInMonth(int year, int month, bool isLeapMonth = false) =>
        Table.DaysInMonth(year, month, isLeapMonth);
}
