using Cchc.Core.Calendar;
using Cchc.Core.Common;
using FsCheck;
using FsCheck.Fluent;
using static Cchc.Core.Tests.Calendar.TestCalendars;

namespace Cchc.Core.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2025-12-19", 1, "2025-12-22")] // style.md: Friday + 1 → Monday
    [InlineData("2025-01-24", 1, "2025-02-03")] // style.md: skips the Tết holiday of 2025 (off 25/01–02/02)
    [InlineData("2025-03-03", 5, "2025-03-10")] // domain-rules A4: receipt day not counted, weekend skipped
    [InlineData("2025-04-04", 5, "2025-04-14")] // Giỗ Tổ Mon 07/04 skipped
    [InlineData("2025-04-24", 2, "2025-04-26")] // domain-rules A4 calendar B: make-up Saturday counts
    [InlineData("2025-04-29", 3, "2025-05-07")] // domain-rules A4 calendar B: swapped day off Fri 02/05
    [InlineData("2025-02-07", 1, "2025-02-08")] // make-up Saturday 08/02
    [InlineData("2025-12-31", 1, "2026-01-02")] // 1/1 skipped across the year boundary
    public void Adds_working_days(string start, int days, string expected) =>
        Assert.Equal(D(expected), With2025Swaps.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2025-04-24", 2, "2025-04-28")] // domain-rules A4 calendar A: Saturday 26/04 is a weekend
    [InlineData("2025-04-29", 3, "2025-05-06")] // domain-rules A4 calendar A: Fri 02/05 is worked
    [InlineData("2025-04-25", 5, "2025-05-06")] // 30/04 and 01/05 skipped
    [InlineData("2025-01-24", 1, "2025-01-27")] // without the swap, Mon 27/01 is worked
    public void Adds_working_days_on_statutory_holidays_alone(string start, int days, string expected) =>
        Assert.Equal(D(expected), Statutory.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2025-12-22", -1, "2025-12-19")] // Monday − 1 → Friday
    [InlineData("2025-12-21", -1, "2025-12-19")] // Sunday − 1 → Friday
    [InlineData("2025-02-03", -1, "2025-01-24")] // back across the 2025 Tết break
    [InlineData("2025-05-06", -3, "2025-04-28")] // back across 30/4–1/5 and the swapped 02/05
    [InlineData("2025-04-28", -1, "2025-04-26")] // the make-up Saturday counts backwards too
    public void Negative_days_count_backwards(string start, int days, string expected) =>
        Assert.Equal(D(expected), With2025Swaps.AddWorkingDays(D(start), days));

    [Fact]
    public void Adding_zero_days_returns_the_start_even_on_a_day_off() =>
        Assert.Equal(D("2025-12-20"), Statutory.AddWorkingDays(D("2025-12-20"), 0));

    [Theory]
    [InlineData("2025-12-19", "2025-12-22", 1)]
    [InlineData("2025-12-19", "2025-12-19", 0)]
    [InlineData("2025-12-20", "2025-12-21", 0)]
    [InlineData("2025-04-25", "2025-05-06", 5)]
    [InlineData("2025-12-22", "2025-12-19", -1)] // back: from not counted, to counted
    [InlineData("2025-01-01", "2025-12-31", 251)] // 261 weekdays − 10 weekday holidays; the swaps cancel out
    public void Counts_working_days_after_from_up_to_to(string from, string to, int expected) =>
        Assert.Equal(expected, With2025Swaps.CountWorkingDays(D(from), D(to)));

    [Theory]
    [InlineData("2025-04-26", true)]  // make-up Saturday
    [InlineData("2025-05-02", false)] // swapped Friday
    [InlineData("2025-04-07", false)] // Giỗ Tổ
    [InlineData("2025-09-01", false)] // Quốc khánh adjacent day
    [InlineData("2025-09-03", true)]
    [InlineData("2025-12-20", false)] // Saturday
    public void Knows_which_days_are_worked(string date, bool expected) =>
        Assert.Equal(expected, With2025Swaps.IsWorkingDay(D(date)));

    [Fact]
    public void Next_working_day_is_strictly_after_and_on_or_after_keeps_a_working_day()
    {
        Assert.Equal(D("2025-05-05"), With2025Swaps.NextWorkingDay(D("2025-04-29")));
        Assert.Equal(D("2025-12-22"), Statutory.NextWorkingDay(D("2025-12-19")));
        Assert.Equal(D("2025-12-19"), Statutory.WorkingDayOnOrAfter(D("2025-12-19")));
        Assert.Equal(D("2025-12-22"), Statutory.WorkingDayOnOrAfter(D("2025-12-20")));
    }

    [Fact]
    public void Holidays_of_a_year_list_holidays_days_off_and_make_up_days_with_Vietnamese_names()
    {
        var days = With2025Swaps.HolidaysOf(2025);

        Assert.Contains(new SpecialDay(D("2025-04-07"), CalendarDayKind.PublicHoliday, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"), days);
        Assert.Contains(new SpecialDay(D("2025-04-26"), CalendarDayKind.WorkingDay, "Làm bù cho ngày 02/05/2025"), days);
        Assert.Contains(days, d => d.Date == D("2025-05-02") && d.Kind == CalendarDayKind.DayOff);
        Assert.Equal(days.OrderBy(d => d.Date), days);
        Assert.Equal(15, days.Count);
    }

    [Fact]
    public void An_adjustment_can_make_a_statutory_holiday_a_working_day()
    {
        var calendar = new WorkingCalendar(VietnamHolidayRules.Default,
            [new CalendarAdjustment(D("2025-09-01"), CalendarAdjustmentKind.WorkingDay, "Ví dụ: Thủ tướng chọn ngày 03/9")],
            2025, 2025);

        Assert.True(calendar.IsWorkingDay(D("2025-09-01")));
        Assert.Equal(CalendarDayKind.WorkingDay, calendar.HolidaysOf(2025).Single(d => d.Date == D("2025-09-01")).Kind);
    }

    [Fact]
    public void The_same_date_adjusted_twice_is_refused_in_Vietnamese()
    {
        var twice = new[]
        {
            new CalendarAdjustment(D("2025-05-02"), CalendarAdjustmentKind.DayOff, "a"),
            new CalendarAdjustment(D("2025-05-02"), CalendarAdjustmentKind.WorkingDay, "b"),
        };

        var error = Assert.Throws<RuleViolation>(() => new WorkingCalendar(VietnamHolidayRules.Default, twice, 2025, 2025));
        Assert.Equal("Ngày 02/05/2025 được điều chỉnh nhiều hơn một lần.", error.Message);
    }

    [Fact]
    public void Dates_outside_the_calendar_are_refused()
    {
        var calendar = new WorkingCalendar(VietnamHolidayRules.Default, [], 2025, 2025);

        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsWorkingDay(D("2026-01-01")));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(D("2025-12-30"), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(D("2025-01-02"), -5));
    }

    // Property tests over 2016–2046 with the 2025 swaps, n up to ±500 working days (about two years),
    // inside the 2013–2050 calendar.
    private static readonly Arbitrary<(DateOnly Start, int Days)> StartAndDays =
        Gen.Zip(
                Gen.Choose(D("2016-01-01").DayNumber, D("2046-12-31").DayNumber).Select(DateOnly.FromDayNumber),
                Gen.Choose(-500, 500))
            .ToArbitrary();

    [Fact]
    public void A_due_date_is_never_a_day_off() =>
        Prop.ForAll(StartAndDays, x =>
                x.Days == 0 || With2025Swaps.IsWorkingDay(With2025Swaps.AddWorkingDays(x.Start, x.Days)))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Counting_back_from_the_result_gives_the_days_added() =>
        Prop.ForAll(StartAndDays, x =>
                With2025Swaps.CountWorkingDays(x.Start, With2025Swaps.AddWorkingDays(x.Start, x.Days)) == x.Days)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Adding_more_days_never_gives_an_earlier_date() =>
        Prop.ForAll(StartAndDays, x =>
                With2025Swaps.AddWorkingDays(x.Start, x.Days) < With2025Swaps.AddWorkingDays(x.Start, x.Days + 1))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void The_index_agrees_with_walking_day_by_day() =>
        Prop.ForAll(StartAndDays, x =>
            {
                int step = Math.Sign(x.Days);
                var date = x.Start;
                for (int left = Math.Abs(x.Days); left > 0;)
                {
                    date = date.AddDays(step);
                    if (With2025Swaps.IsWorkingDay(date))
                    {
                        left--;
                    }
                }

                return With2025Swaps.AddWorkingDays(x.Start, x.Days) == date;
            })
            .QuickCheckThrowOnFailure();
}
