using Cchc.Core.Calendar;
using static Cchc.Core.Tests.Calendar.TestCalendars;

namespace Cchc.Core.Tests.Calendar;

public sealed class HolidayRulesTests
{
    [Fact]
    public void The_2025_statutory_holidays_are_those_of_Labour_Code_2019_article_112()
    {
        // Labour Code 45/2019 art. 112.1: 1/1; Tết 5 days (last day of the year + 1–4 Giêng, domain-rules
        // B1.1 default); 10/3 lunar; 30/4; 1/5; 2/9 + one adjacent day. 2025 has no 30 tháng Chạp.
        var holidays = VietnamHolidayRules.Default.ForYear(2025).HolidaysOf(2025);

        Assert.Equal(
            [
                (D("2025-01-01"), "Tết Dương lịch (1/1)"),
                (D("2025-01-28"), "Tết Âm lịch (29 tháng Chạp)"),
                (D("2025-01-29"), "Tết Âm lịch (mùng 1 tháng Giêng)"),
                (D("2025-01-30"), "Tết Âm lịch (mùng 2 tháng Giêng)"),
                (D("2025-01-31"), "Tết Âm lịch (mùng 3 tháng Giêng)"),
                (D("2025-02-01"), "Tết Âm lịch (mùng 4 tháng Giêng)"),
                (D("2025-04-07"), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                (D("2025-04-30"), "Ngày Chiến thắng (30/4)"),
                (D("2025-05-01"), "Ngày Quốc tế Lao động (1/5)"),
                (D("2025-09-01"), "Quốc khánh (ngày liền kề 2/9)"),
                (D("2025-09-02"), "Quốc khánh (2/9)"),
            ],
            holidays.Select(h => (h.Date, h.Name)));
    }

    [Theory]
    [InlineData(2021, "2021-09-03")] // Thu 2/9 → Fri 3/9
    [InlineData(2022, "2022-09-01")] // Fri 2/9 → Thu 1/9
    [InlineData(2023, "2023-09-01")] // Sat 2/9 → Fri 1/9
    [InlineData(2024, "2024-09-03")] // Mon 2/9 → Tue 3/9
    [InlineData(2025, "2025-09-01")] // Tue 2/9 → Mon 1/9
    public void The_day_adjacent_to_National_Day_defaults_to_the_one_joining_a_weekend(int year, string expected)
    {
        // Labour Code 2019 art. 112.1đ and 112.3: the PM picks 1/9 or 3/9; the default reproduces 2021–2025.
        var adjacent = VietnamHolidayRules.Default.ForYear(year).HolidaysOf(year)
            .Single(h => h.Name == "Quốc khánh (ngày liền kề 2/9)");

        Assert.Equal(D(expected), adjacent.Date);
    }

    [Fact]
    public void Before_2021_National_Day_is_a_single_day()
    {
        // Labour Code 10/2012 art. 115: 2/9 only; the 2019 code applies from 01/01/2021.
        var september = VietnamHolidayRules.Default.ForYear(2020).HolidaysOf(2020).Where(h => h.Date.Month == 9);

        Assert.Equal([D("2020-09-02")], september.Select(h => h.Date));
        Assert.Same(VietnamHolidayRules.LabourCode2012, VietnamHolidayRules.Default.ForYear(2020));
        Assert.Same(VietnamHolidayRules.LabourCode2019, VietnamHolidayRules.Default.ForYear(2021));
    }

    [Fact]
    public void A_later_rule_set_replaces_the_earlier_from_its_effective_year()
    {
        // domain-rules B1: rules are data versioned by year; a hypothetical 2026 amendment adding 24/11.
        var amended = VietnamHolidayRules.LabourCode2019 with
        {
            EffectiveFromYear = 2026,
            LegalBasis = "Sửa đổi giả định",
            Rules = [.. VietnamHolidayRules.LabourCode2019.Rules, new SolarHolidayRule(11, 24, "Ngày Văn hóa Việt Nam (24/11)")],
        };
        var book = new HolidayRuleBook([VietnamHolidayRules.LabourCode2012, VietnamHolidayRules.LabourCode2019, amended]);
        var calendar = new WorkingCalendar(book, [], 2025, 2026);

        Assert.True(calendar.IsWorkingDay(D("2025-11-24")));
        Assert.False(calendar.IsWorkingDay(D("2026-11-24")));
    }

    [Fact]
    public void Holidays_before_the_first_rule_set_are_not_invented()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnamHolidayRules.Default.ForYear(2012));
    }

    [Fact]
    public void Holidays_on_a_weekly_rest_day_get_a_proposed_compensatory_day_on_the_next_working_day()
    {
        // Labour Code 2019 art. 111.3. 2023: 1/1 on Sunday → Mon 02/01; Tết on Sat 21/01 and Sun 22/01
        // (holidays until Wed 25/01) → Thu 26/01 and Fri 27/01; Giỗ Tổ on Sat 29/04 and 30/4 on Sunday,
        // 1/5 already off → Tue 02/05 and Wed 03/05; 2/9 on Saturday → Mon 04/09. 02/01, 29/04–03/05 and
        // 01/09–04/09 are what the 2023 decisions gave.
        var proposals = VietnamHolidayRules.ProposeCompensatoryDays(VietnamHolidayRules.LabourCode2019, 2023);

        Assert.Equal(
            [D("2023-01-02"), D("2023-01-26"), D("2023-01-27"), D("2023-05-02"), D("2023-05-03"), D("2023-09-04")],
            proposals.Select(p => p.Date));
        Assert.All(proposals, p => Assert.Equal(CalendarAdjustmentKind.DayOff, p.Kind));
        Assert.All(proposals, p => Assert.Contains("Điều 111 khoản 3", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Hung_Kings_day_on_Sunday_26_April_2026_proposes_Monday_27_April()
    {
        var proposals = VietnamHolidayRules.ProposeCompensatoryDays(VietnamHolidayRules.LabourCode2019, 2026);

        Assert.Contains(proposals, p => p.Date == D("2026-04-27"));
    }

    [Fact]
    public void Proposed_compensatory_days_are_not_applied_until_the_admin_passes_them_in()
    {
        // The calendar applies only the adjustments it is given (CalendarAdjustment is admin data).
        Assert.True(Statutory.IsWorkingDay(D("2026-04-27")));

        var proposals = VietnamHolidayRules.ProposeCompensatoryDays(VietnamHolidayRules.LabourCode2019, 2026);
        var confirmed = new WorkingCalendar(VietnamHolidayRules.Default, proposals, 2026, 2026);

        Assert.False(confirmed.IsWorkingDay(D("2026-04-27")));
    }
}
