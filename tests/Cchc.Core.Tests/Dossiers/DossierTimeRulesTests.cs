using System.Globalization;
using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using FsCheck;
using FsCheck.Fluent;
using static Cchc.Core.Tests.Calendar.TestCalendars;

namespace Cchc.Core.Tests.Dossiers;

/// <summary>
/// The dossier-time rules of domain-rules A3–A8 that DossierClockTests did not yet name, and the invariants
/// behind them (docs/dossier-rules.md maps every rule to its tests).
/// </summary>
public sealed class DossierTimeRulesTests
{
    private static readonly DossierClock ClockA = new(Statutory);
    private static readonly DossierClock ClockB = new(With2025Swaps);

    private static readonly Gen<DateTime> Receipts = Gen.Choose(0, 30 * 365 * 24 * 60)
        .Select(minutes => new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minutes));

    private static Gen<(DateTime Item1, int Item2, int Item3)> Three(Gen<DateTime> a, Gen<int> b, Gen<int> c) =>
        Gen.Zip(a, Gen.Zip(b, c)).Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item2));

    private static DateTime Vn(string local) =>
        VietnamTime.ToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    [Fact]
    public void An_open_dossier_in_a_period_statistic_ends_at_the_last_moment_of_the_period()
    {
        // domain-rules A7 (766 rule, 🟡 [S9]): "dossiers without an end use the period's last day". The
        // statistic evaluates an open dossier as of the period's end. Due Mon 10/03/2025; the March
        // statistic ends 31/03 23:59: late. The February-like cut at 07/03 sees it early.
        var facts = new DossierFacts(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(5));

        var march = ClockA.Evaluate(facts, Vn("2025-03-31 23:59"));
        var early = ClockA.Evaluate(facts, Vn("2025-03-07 23:59"));

        Assert.Equal(Vn("2025-03-31 23:59"), march.PortalEndUtc);
        Assert.Equal(Timeliness.Late, march.Portal);
        Assert.Equal(Timeliness.Early, early.Portal);
        Assert.Null(march.Legal); // the legal reading waits for a real end
    }

    [Fact]
    public void Calendar_day_limits_count_every_day_including_weekends_and_holidays()
    {
        // domain-rules A4 step 3 (Civil Code 2015 art. 147.2, 148): 10 calendar days from Fri 25/04/2025 is
        // Mon 05/05, though 26/04–04/05 holds a weekend, 30/04 and 01/05.
        var due = ClockA.Due(Vn("2025-04-25 09:00"), new ProcessingTime(10, ProcessingTimeUnit.CalendarDays));

        Assert.Equal(D("2025-05-05"), due.Date);
    }

    [Theory]
    [InlineData(new[] { 2, 1, 0 }, 1.0)]
    [InlineData(new[] { 2, 2, 1 }, 1.7)] // 5/3 = 1.67 → 1.7
    [InlineData(new[] { 2, 1 }, 1.5)]
    [InlineData(new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1 }, 1.8)] // 35/20 = 1.75 → 1.8
    [InlineData(new[] { 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 1.1)] // 22/20 = 1.1
    [InlineData(new[] { 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 1.2)] // 23/20 = 1.15 → 1.2
    public void A_per_dossier_index_is_the_average_of_the_dossiers_points_rounded_to_one_decimal(int[] points, double expected)
    {
        // TT 01/2018 art. 15.2 (domain-rules A8): Σ dossier scores / number of dossiers, 1 decimal.
        Assert.Equal(expected, DossierClock.IndexAverage(points));
    }

    [Fact]
    public void An_index_without_dossiers_is_left_out_not_scored_zero()
    {
        // domain-rules A8: "Missing data for an index ⇒ exclude it".
        Assert.Null(DossierClock.IndexAverage([]));
    }

    [Fact]
    public void A_per_dossier_index_lies_between_the_lowest_and_highest_points() =>
        Prop.ForAll(Gen.Choose(0, 2).NonEmptyListOf().ToArbitrary(), points =>
            {
                double average = DossierClock.IndexAverage(points)!.Value;
                return average >= points.Min() && average <= points.Max() && average * 10 == Math.Round(average * 10);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void A_calendar_day_due_date_is_the_first_working_day_on_or_after_N_days_from_the_counted_day() =>
        // domain-rules A4 step 3 (Civil Code art. 148.5) as an invariant.
        Prop.ForAll(Gen.Zip(Receipts, Gen.Choose(1, 90)).ToArbitrary(), x =>
            {
                var due = ClockB.Due(x.Item1, new ProcessingTime(x.Item2, ProcessingTimeUnit.CalendarDays));
                var plain = due.CountedFrom.AddDays(x.Item2);
                return With2025Swaps.IsWorkingDay(due.Date)
                       && due.Date >= plain
                       && With2025Swaps.CountWorkingDays(plain, due.Date) <= 1
                       && (With2025Swaps.IsWorkingDay(plain) ? due.Date == plain : due.Date == With2025Swaps.NextWorkingDay(plain));
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void A_working_hour_due_instant_lies_inside_office_hours_of_a_working_day_after_the_receipt() =>
        // domain-rules A4 step 4: hours are counted inside office hours (07:30–17:00 by default) only.
        Prop.ForAll(Gen.Zip(Receipts, Gen.Choose(1, 40)).ToArbitrary(), x =>
            {
                var due = ClockB.Due(x.Item1, new ProcessingTime(x.Item2, ProcessingTimeUnit.WorkingHours));
                var local = VietnamTime.ToLocal(due.AtUtc);
                var time = TimeOnly.FromDateTime(local);
                return due.ExactTime
                       && due.AtUtc > x.Item1
                       && With2025Swaps.IsWorkingDay(DateOnly.FromDateTime(local))
                       && time > DossierClockOptions.Default.OfficeOpens
                       && time <= DossierClockOptions.Default.OfficeCloses;
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void A_later_receipt_never_has_an_earlier_due_date() =>
        // domain-rules A4 + A5: the due date only moves forward with the receipt; this is why restarting the
        // clock on resubmission (NĐ 61 art. 19.4) never shortens the applicant's wait for the result.
        Prop.ForAll(Three(Receipts, Gen.Choose(0, 20 * 24 * 60), Gen.Choose(0, 30)).ToArbitrary(), x =>
            {
                var later = x.Item1.AddMinutes(x.Item2);
                var time = ProcessingTime.WorkingDays(x.Item3);
                return ClockB.Due(x.Item1, time).Date <= ClockB.Due(later, time).Date;
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void The_legal_due_date_after_a_supplement_is_never_before_the_original_one() =>
        // NĐ 61 art. 19.4 (domain-rules A5): restart from zero on resubmission.
        Prop.ForAll(Three(Receipts, Gen.Choose(0, 10 * 24 * 60), Gen.Choose(0, 30 * 24 * 60)).ToArbitrary(), x =>
            {
                var requested = x.Item1.AddMinutes(x.Item2);
                var completed = requested.AddMinutes(x.Item3);
                var facts = new DossierFacts(x.Item1, ProcessingTime.WorkingDays(10),
                    Supplements: [new SupplementRequest(requested, completed)]);
                var timeline = ClockB.Evaluate(facts, completed);
                return timeline.LegalDue!.Date >= timeline.OriginalDue.Date
                       && timeline.PortalEndUtc <= completed
                       && timeline.SupplementRequestCount == 1;
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Finishing_later_never_gives_a_better_timeliness() =>
        // TT 01/2018 art. 13 index 1 (domain-rules A7): early < on time < late as the end moves forward.
        Prop.ForAll(Three(Receipts, Gen.Choose(0, 40 * 24 * 60), Gen.Choose(0, 10 * 24 * 60)).ToArbitrary(), x =>
            {
                var due = ClockB.Due(x.Item1, ProcessingTime.WorkingDays(5));
                var first = x.Item1.AddMinutes(x.Item2);
                var second = first.AddMinutes(x.Item3);
                return DossierClock.Classify(first, due) <= DossierClock.Classify(second, due);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void An_apology_in_time_stays_in_time_when_sent_earlier() =>
        // NĐ 61 art. 19.9 (domain-rules A6): "chậm nhất 01 ngày trước ngày hết hạn" is a latest moment.
        Prop.ForAll(Three(Receipts, Gen.Choose(0, 20 * 24 * 60), Gen.Choose(0, 5 * 24 * 60)).ToArbitrary(), x =>
            {
                var due = ClockB.Due(x.Item1, ProcessingTime.WorkingDays(10));
                var later = x.Item1.AddMinutes(x.Item2);
                var earlier = later.AddMinutes(-x.Item3);
                return !ClockB.ApologyInTime(due, later) || ClockB.ApologyInTime(due, earlier);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void A_transfer_is_never_later_than_the_next_working_day_and_never_on_a_day_off() =>
        // NĐ 61 art. 18.2–18.3 (domain-rules A3).
        Prop.ForAll(Receipts.ToArbitrary(), received =>
            {
                var day = VietnamTime.LocalDate(received);
                var by = ClockB.TransferBy(received);
                return With2025Swaps.IsWorkingDay(by) && by >= day && by <= With2025Swaps.NextWorkingDay(day);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void A_dossier_code_reads_back_as_the_agency_date_and_sequence_it_was_written_from() =>
        // NĐ 61 art. 26 + TT 01/2018 art. 19 (domain-rules A10): the receipt date and sequence of the day.
        Prop.ForAll(Gen.Zip(Gen.Choose(0, 30 * 365), Gen.Choose(1, 9999)).ToArbitrary(), x =>
            {
                var day = new DateOnly(2018, 6, 21).AddDays(x.Item1);
                string code = DossierCodeFormat.Decree61.Format("000.00.31.H01", day, x.Item2);
                return DossierCodeFormat.TryParse(code, false, out var parsed)
                       && parsed == new DossierCode("000.00.31.H01", day, null, x.Item2);
            })
            .QuickCheckThrowOnFailure();
}
