using Cchc.Core.Common;
using Cchc.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;
using C = Cchc.Core.Indicators.IndicatorCodes;

namespace Cchc.Core.Tests.Indicators;

public sealed class ReportingPeriodTests
{
    [Theory]
    // TT 01/2018 reporting regime: quarterly, 6-month and yearly reports; quarters follow the calendar year.
    [InlineData(PeriodKind.Month, 2, "2024-02-01", "2024-02-29", "Tháng 2/2024")]
    [InlineData(PeriodKind.Quarter, 3, "2025-07-01", "2025-09-30", "Quý III/2025")]
    [InlineData(PeriodKind.Half, 1, "2025-01-01", "2025-06-30", "6 tháng đầu năm 2025")]
    [InlineData(PeriodKind.Half, 2, "2025-07-01", "2025-12-31", "6 tháng cuối năm 2025")]
    [InlineData(PeriodKind.Year, 0, "2025-01-01", "2025-12-31", "Năm 2025")]
    public void A_period_covers_its_calendar_days_and_reads_as_reports_name_it(PeriodKind kind, int number, string from, string to, string label)
    {
        var year = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture).Year;
        var p = ReportingPeriod.Of(kind, year, number);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), p.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), p.To);
        Assert.Equal(label, p.Label);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused_in_Vietnamese()
    {
        var e = Assert.Throws<RuleViolation>(() => ReportingPeriod.Range(new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 1)));
        Assert.Contains("Ngày bắt đầu", e.Message);
    }

    [Fact]
    public void A_quarter_outside_one_to_four_is_refused()
    {
        Assert.Throws<RuleViolation>(() => ReportingPeriod.Of(PeriodKind.Quarter, 2025, 5));
        Assert.Throws<RuleViolation>(() => ReportingPeriod.Of(PeriodKind.Month, 2025, 13));
    }

    [Fact]
    public void The_months_of_a_period_tile_it_without_gaps() =>
        Prop.ForAll(Gen.Choose(0, 700).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (start, length) =>
        {
            var from = new DateOnly(2020, 1, 1).AddDays(start);
            var p = ReportingPeriod.Range(from, from.AddDays(length));
            var months = p.Months();
            return months[0].Contains(p.From) && months[^1].Contains(p.To)
                && months.Zip(months.Skip(1)).All(m => m.First.To.AddDays(1) == m.Second.From);
        }).QuickCheckThrowOnFailure();
}

public sealed class IndicatorEntryTests
{
    private static IndicatorEntry Entry(string code = C.EDocumentSignedRate) => new(1, code, ReportingPeriod.Quarter(2025, 1));

    [Fact]
    public void A_computed_indicator_cannot_be_entered_by_hand()
    {
        var e = Assert.Throws<RuleViolation>(() => new IndicatorEntry(1, C.TaskCompletionRate, ReportingPeriod.Year(2025)));
        Assert.Contains("hệ thống tính", e.Message);
    }

    [Fact]
    public void A_rate_entered_as_a_fraction_keeps_both_parts_and_its_percentage()
    {
        var e = Entry();
        e.Enter(45, 60, null, "Báo cáo số 12/BC-VP ngày 05/4/2025", "Nguyễn Văn A", new DateTime(2025, 4, 5, 1, 0, 0, DateTimeKind.Utc));
        Assert.Equal(75, e.Value);
        Assert.Equal(new IndicatorValue(C.EDocumentSignedRate, 45, 60, 75), e.ToValue());
    }

    [Theory]
    [InlineData(61.0, 60.0, null, "Tử số không được lớn hơn mẫu số.")]
    [InlineData(5.0, null, null, "Nhập đủ cả tử số và mẫu số, hoặc chỉ nhập giá trị.")]
    [InlineData(null, null, 101.0, "Tỷ lệ không được lớn hơn 100%.")]
    [InlineData(null, null, null, "Nhập giá trị, hoặc tử số và mẫu số.")]
    public void Impossible_figures_are_refused(double? numerator, double? denominator, double? value, string message)
    {
        var e = Assert.Throws<RuleViolation>(() => Entry().Enter(numerator, denominator, value, "Báo cáo", "A", DateTime.UnixEpoch));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void An_entry_without_a_word_on_its_evidence_is_refused()
    {
        var e = Assert.Throws<RuleViolation>(() => Entry().Enter(null, null, 80, "  ", "A", DateTime.UnixEpoch));
        Assert.Equal("Note", e.Field);
    }

    [Fact]
    public void A_count_is_a_whole_number()
    {
        // Seed 002: "đối thoại 02 lần/năm".
        Assert.Throws<RuleViolation>(() => Entry(C.BusinessDialoguesPerYear).Enter(null, null, 1.5, "Biên bản", "A", DateTime.UnixEpoch));
    }
}

public sealed class EnteredFiguresTests
{
    private static (int, ReportingPeriod, IndicatorValue) E(int unit, ReportingPeriod p, double? n, double? d, double? v, string code = C.EDocumentSignedRate) =>
        (unit, p, new IndicatorValue(code, n, d, v));

    [Fact]
    public void Fractions_of_several_units_add_up_never_average()
    {
        var q1 = ReportingPeriod.Quarter(2025, 1);
        var r = EnteredFigures.Combine(C.EDocumentSignedRate, [E(1, q1, 9, 10, 90), E(2, q1, 50, 100, 50)]);
        Assert.Equal(59 / 110.0 * 100, r.Value.Value!.Value, 9);
    }

    [Fact]
    public void A_years_figure_is_used_over_the_same_units_months()
    {
        var r = EnteredFigures.Combine(C.EDocumentSignedRate,
            [E(1, ReportingPeriod.Month(2025, 1), 1, 10, 10), E(1, ReportingPeriod.Year(2025), 80, 100, 80)]);
        Assert.Equal(80, r.Value.Value);
    }

    [Fact]
    public void Counts_of_months_and_units_add_up()
    {
        var r = EnteredFigures.Combine(C.BusinessDialoguesPerYear,
            [E(1, ReportingPeriod.Month(2025, 3), null, null, 1, C.BusinessDialoguesPerYear),
             E(1, ReportingPeriod.Month(2025, 9), null, null, 1, C.BusinessDialoguesPerYear),
             E(2, ReportingPeriod.Month(2025, 5), null, null, 1, C.BusinessDialoguesPerYear)]);
        Assert.Equal(3, r.Value.Value);
    }

    [Fact]
    public void Bare_rates_of_several_units_give_no_data_with_the_reason()
    {
        var q1 = ReportingPeriod.Quarter(2025, 1);
        var r = EnteredFigures.Combine(C.EDocumentSignedRate, [E(1, q1, null, null, 90), E(2, q1, null, null, 50)]);
        Assert.Null(r.Value.Value);
        Assert.NotNull(r.Reason);
    }

    [Fact]
    public void A_bare_rate_of_one_unit_is_its_latest_figure()
    {
        var r = EnteredFigures.Combine(C.EDocumentSignedRate,
            [E(1, ReportingPeriod.Quarter(2025, 2), null, null, 70), E(1, ReportingPeriod.Quarter(2025, 1), null, null, 60)]);
        Assert.Equal(70, r.Value.Value);
    }
}
