using System.Globalization;
using Cchc.Core.Calendar;

namespace Cchc.Core.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    // Published Vietnamese Tết Nguyên đán dates (lịch vạn niên / Hồ Ngọc Đức's tables, domain-rules B2),
    // written here as data. 2007 and 2030 are the years of 1990–2050 where Vietnam (UTC+7) is one day
    // ahead of China (UTC+8).
    public static readonly TheoryData<int, string> TetDates = new()
    {
        { 1990, "1990-01-27" }, { 1991, "1991-02-15" }, { 1992, "1992-02-04" }, { 1993, "1993-01-23" },
        { 1994, "1994-02-10" }, { 1995, "1995-01-31" }, { 1996, "1996-02-19" }, { 1997, "1997-02-07" },
        { 1998, "1998-01-28" }, { 1999, "1999-02-16" }, { 2000, "2000-02-05" }, { 2001, "2001-01-24" },
        { 2002, "2002-02-12" }, { 2003, "2003-02-01" }, { 2004, "2004-01-22" }, { 2005, "2005-02-09" },
        { 2006, "2006-01-29" }, { 2007, "2007-02-17" }, { 2008, "2008-02-07" }, { 2009, "2009-01-26" },
        { 2010, "2010-02-14" }, { 2011, "2011-02-03" }, { 2012, "2012-01-23" }, { 2013, "2013-02-10" },
        { 2014, "2014-01-31" }, { 2015, "2015-02-19" }, { 2016, "2016-02-08" }, { 2017, "2017-01-28" },
        { 2018, "2018-02-16" }, { 2019, "2019-02-05" }, { 2020, "2020-01-25" }, { 2021, "2021-02-12" },
        { 2022, "2022-02-01" }, { 2023, "2023-01-22" }, { 2024, "2024-02-10" }, { 2025, "2025-01-29" },
        { 2026, "2026-02-17" }, { 2027, "2027-02-06" }, { 2028, "2028-01-26" }, { 2029, "2029-02-13" },
        { 2030, "2030-02-02" }, { 2031, "2031-01-23" }, { 2032, "2032-02-11" }, { 2033, "2033-01-31" },
        { 2034, "2034-02-19" }, { 2035, "2035-02-08" }, { 2036, "2036-01-28" }, { 2037, "2037-02-15" },
        { 2038, "2038-02-04" }, { 2039, "2039-01-24" }, { 2040, "2040-02-12" }, { 2041, "2041-02-01" },
        { 2042, "2042-01-22" }, { 2043, "2043-02-10" }, { 2044, "2044-01-30" }, { 2045, "2045-02-17" },
        { 2046, "2046-02-06" }, { 2047, "2047-01-26" }, { 2048, "2048-02-14" }, { 2049, "2049-02-02" },
        { 2050, "2050-01-23" },
    };

    private static readonly ChineseLunisolarCalendar Chinese = new();

    [Theory]
    [MemberData(nameof(TetDates))]
    public void Tet_matches_the_published_Vietnamese_table(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.FromSolar(DateOnly.Parse(expected, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Tet_1990_to_2050_agrees_with_the_Chinese_calendar_except_2007_and_2030()
    {
        // domain-rules B2: the UTC+7 and UTC+8 calendars give different Tết dates only in 2007 and 2030 here.
        var differing = Enumerable.Range(1990, 61)
            .Where(y => VietnameseLunarCalendar.NewYear(y) != ChineseNewYear(y))
            .ToList();

        Assert.Equal([2007, 2030], differing);
    }

    [Theory]
    [InlineData(1985, "1985-01-21", "1985-02-20")] // domain-rules B2: leap month placed differently
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    [InlineData(1968, "1968-01-29", "1968-01-30")] // Tết Mậu Thân, first year on UTC+7 in the North
    public void Tet_differs_from_the_Chinese_calendar_in_known_years(int year, string vietnam, string china)
    {
        Assert.Equal(DateOnly.Parse(vietnam, CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(DateOnly.Parse(china, CultureInfo.InvariantCulture), ChineseNewYear(year));
    }

    [Fact]
    public void Every_difference_with_the_Chinese_calendar_1990_to_2050_is_a_month_starting_a_day_earlier_in_Vietnam()
    {
        // A new moon between 23:00 and 24:00 Vietnam time falls on the next day in Beijing, so that month
        // starts one day earlier in Vietnam; no leap month is placed differently in 1990–2050.
        int differences = 0;
        for (var d = new DateOnly(1990, 1, 1); d <= new DateOnly(2050, 12, 31); d = d.AddDays(1))
        {
            var vietnam = VietnameseLunarCalendar.FromSolar(d);
            if (vietnam != ChineseDate(d))
            {
                differences++;
                var vietnamMonthStart = d.AddDays(1 - vietnam.Day);
                Assert.Equal(ChineseMonthStart(vietnam.Year, vietnam.Month, vietnam.IsLeapMonth), vietnamMonthStart.AddDays(1));
            }
        }

        Assert.InRange(differences, 1, 1000);
    }

    [Fact]
    public void The_same_algorithm_at_UTC_plus_8_reproduces_the_Chinese_calendar_of_dotnet_1990_to_2100()
    {
        // Validates the astronomy (new moons, principal terms, leap-month rule) independently of the
        // Vietnamese data: at China's meridian every month start of 1990–2100 must match .NET.
        var china = new LunisolarCalendarTable(8.0);
        for (int year = 1990; year <= 2100; year++)
        {
            Assert.Equal(ChineseNewYear(year), china.NewYear(year));
            int netLeap = Chinese.GetLeapMonth(year);
            Assert.Equal(netLeap == 0 ? null : netLeap - 1, china.LeapMonthOf(year));
        }

        // Every day agrees except the 9th month of 2057, whose new moon falls within minutes of midnight
        // Beijing time, below the precision of the low-accuracy sun/moon series and a known ambiguous case
        // of the Chinese calendar; in Vietnam (UTC+7) that new moon is an hour earlier and unambiguous.
        var differingMonthStarts = new HashSet<DateOnly>();
        for (var d = new DateOnly(1990, 1, 1); d <= new DateOnly(2100, 12, 31); d = d.AddDays(1))
        {
            var ours = china.FromSolar(d);
            if (ours != ChineseDate(d))
            {
                differingMonthStarts.Add(d.AddDays(1 - ours.Day));
            }
        }

        Assert.Equal([new DateOnly(2057, 9, 28)], differingMonthStarts);
    }

    [Theory]
    [InlineData(2009, "2009-04-04")] // new moon 2009-03-26 23:06 UTC+7: .NET (UTC+8) gives 2009-04-05
    [InlineData(2017, "2017-04-06")]
    [InlineData(2018, "2018-04-25")]
    [InlineData(2019, "2019-04-14")]
    [InlineData(2020, "2020-04-02")]
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")] // domain-rules B2 known-good checks 2022–2025
    [InlineData(2023, "2023-04-29")] // leap 2nd month before it
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2037, "2037-04-24")] // domain-rules B2: .NET (UTC+8) gives 2037-04-25
    [InlineData(2038, "2038-04-13")] // domain-rules B2: .NET (UTC+8) gives 2038-04-14
    public void Hung_Kings_day_is_the_tenth_of_the_third_lunar_month(int year, string expected)
    {
        var date = DateOnly.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(date, VietnameseLunarCalendar.HungKingsDay(year));
        Assert.Equal(new LunarDate(year, 3, 10), VietnameseLunarCalendar.FromSolar(date));
    }

    [Fact]
    public void Hung_Kings_day_1990_to_2050_agrees_with_the_Chinese_calendar_except_2009_2037_and_2038()
    {
        var differing = Enumerable.Range(1990, 61)
            .Where(y => VietnameseLunarCalendar.HungKingsDay(y) != ChineseSolar(y, 3, 10))
            .ToList();

        Assert.Equal([2009, 2037, 2038], differing);
    }

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2031, 3)]
    [InlineData(2033, 11)] // domain-rules B2 leap months
    public void Leap_months_are_the_published_ones(int year, int leapMonth) =>
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonthOf(year));

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    public void Common_years_have_no_leap_month(int year) => Assert.Null(VietnameseLunarCalendar.LeapMonthOf(year));

    [Fact]
    public void Solar_to_lunar_and_back_is_the_identity_for_every_day_1990_to_2050()
    {
        for (var d = new DateOnly(1990, 1, 1); d <= new DateOnly(2050, 12, 31); d = d.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(d);
            Assert.InRange(lunar.Day, 1, VietnameseLunarCalendar.DaysInMonth(lunar.Year, lunar.Month, lunar.IsLeapMonth));
            Assert.Equal(d, VietnameseLunarCalendar.ToSolar(lunar));
        }
    }

    [Fact]
    public void Lunar_months_have_29_or_30_days_and_years_12_or_13_months()
    {
        for (int year = 1990; year <= 2050; year++)
        {
            int days = VietnameseLunarCalendar.NewYear(year + 1).DayNumber - VietnameseLunarCalendar.NewYear(year).DayNumber;
            Assert.Contains(days, VietnameseLunarCalendar.LeapMonthOf(year) is null ? [353, 354, 355] : new[] { 383, 384, 385 });
            for (int month = 1; month <= 12; month++)
            {
                Assert.InRange(VietnameseLunarCalendar.DaysInMonth(year, month), 29, 30);
            }
        }
    }

    [Fact]
    public void Asking_for_a_leap_month_that_does_not_exist_is_an_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2024, 3, 1, isLeapMonth: true));
        Assert.Equal(new DateOnly(2023, 3, 22), VietnameseLunarCalendar.ToSolar(2023, 2, 1, isLeapMonth: true));
    }

    private static DateOnly ChineseNewYear(int year) => ChineseSolar(year, 1, 1);

    // .NET pitfall (domain-rules B2): in a leap year months are numbered 1..13 and GetLeapMonth returns
    // the index of the leap month, so "month 3" is index 4 when the leap month comes before it.
    private static DateOnly ChineseSolar(int year, int month, int day)
    {
        int leap = Chinese.GetLeapMonth(year);
        int index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Chinese.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static DateOnly ChineseMonthStart(int year, int month, bool isLeap)
    {
        int leap = Chinese.GetLeapMonth(year);
        int index = isLeap || (leap != 0 && leap <= month) ? month + 1 : month;
        return DateOnly.FromDateTime(Chinese.ToDateTime(year, index, 1, 0, 0, 0, 0));
    }

    private static LunarDate ChineseDate(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        int year = Chinese.GetYear(dt);
        int index = Chinese.GetMonth(dt);
        int leap = Chinese.GetLeapMonth(year);
        bool isLeap = leap != 0 && index == leap;
        int month = leap != 0 && index >= leap ? index - 1 : index;
        return new LunarDate(year, month, Chinese.GetDayOfMonth(dt), isLeap);
    }
}
