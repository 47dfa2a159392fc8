using System.Globalization;
using Cchc.Core.Calendar;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using FsCheck;
using FsCheck.Fluent;
using static Cchc.Core.Tests.Calendar.TestCalendars;

namespace Cchc.Core.Tests.Dossiers;

public sealed class DossierClockTests
{
    private static readonly DossierClock ClockA = new(Statutory);       // domain-rules A4 calendar A
    private static readonly DossierClock ClockB = new(With2025Swaps);   // domain-rules A4 calendar B

    /// <summary>A Vietnam wall-clock time as the UTC instant the system stores.</summary>
    private static DateTime Vn(string local) =>
        VietnamTime.ToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    // domain-rules A4 test vectors (5 working days unless stated; A = statutory 2025 holidays, B = A + swaps).
    [Theory]
    [InlineData("2025-03-03 10:00", 5, null, "2025-03-10", "2025-03-10")] // receipt day not counted, weekend skipped
    [InlineData("2025-04-25 09:00", 5, null, "2025-05-06", "2025-05-06")] // 30/04 + 01/05 skipped
    [InlineData("2025-04-03 16:00", 5, "15:00", "2025-04-14", "2025-04-14")] // after 15:00 → Fri 04/04; Giỗ Tổ skipped
    [InlineData("2025-04-24 09:00", 2, null, "2025-04-28", "2025-04-26")] // make-up Saturday counts in B
    [InlineData("2025-04-29 09:00", 3, null, "2025-05-06", "2025-05-07")] // swapped day off Fri 02/05 in B
    public void Due_dates_match_the_domain_rules_A4_test_vectors(string received, int days, string? cutOff, string dueA, string dueB)
    {
        TimeOnly? limit = cutOff is null ? null : TimeOnly.Parse(cutOff, CultureInfo.InvariantCulture);

        Assert.Equal(D(dueA), ClockA.Due(Vn(received), ProcessingTime.WorkingDays(days), limit).Date);
        Assert.Equal(D(dueB), ClockB.Due(Vn(received), ProcessingTime.WorkingDays(days), limit).Date);
    }

    [Fact]
    public void The_receipt_day_is_not_counted()
    {
        // Civil Code 2015 art. 147.2 (domain-rules A4 step 2): "ngày đầu tiên của thời hạn không được tính".
        var due = ClockA.Due(Vn("2025-12-19 08:00"), ProcessingTime.WorkingDays(1));

        Assert.Equal(D("2025-12-19"), due.CountedFrom);
        Assert.False(due.ReceiptMoved);
        Assert.Equal(D("2025-12-22"), due.Date);
    }

    [Fact]
    public void Receipt_after_the_procedure_cut_off_counts_from_the_next_working_day()
    {
        // NĐ 61 art. 18.3 and domain-rules A3/A4 step 1: after 15:00 where the procedure says so.
        var due = ClockA.Due(Vn("2025-04-03 16:00"), ProcessingTime.WorkingDays(5), new TimeOnly(15, 0));

        Assert.True(due.ReceiptMoved);
        Assert.Equal(D("2025-04-04"), due.CountedFrom);
    }

    [Fact]
    public void Receipt_before_the_procedure_cut_off_counts_from_the_same_day()
    {
        var due = ClockA.Due(Vn("2025-04-03 14:59"), ProcessingTime.WorkingDays(5), new TimeOnly(15, 0));

        Assert.False(due.ReceiptMoved);
        Assert.Equal(D("2025-04-11"), due.Date);
    }

    [Fact]
    public void Receipt_after_office_hours_counts_from_the_next_working_day()
    {
        // domain-rules A4 step 1 (default cut-off = office close) and QĐ 3142/QĐ-BGDĐT art. 11: submissions
        // outside working hours count from the start of the next working time.
        var due = ClockA.Due(Vn("2025-03-03 17:30"), ProcessingTime.WorkingDays(1));

        Assert.Equal(D("2025-03-04"), due.CountedFrom);
        Assert.Equal(D("2025-03-05"), due.Date);
    }

    [Fact]
    public void Receipt_on_a_day_off_counts_from_the_next_working_day()
    {
        // domain-rules A4 step 1: received on Saturday → effective receipt Monday, not counted → Tuesday.
        var due = ClockA.Due(Vn("2025-03-08 10:00"), ProcessingTime.WorkingDays(1));

        Assert.True(due.ReceiptMoved);
        Assert.Equal(D("2025-03-10"), due.CountedFrom);
        Assert.Equal(D("2025-03-11"), due.Date);
    }

    [Fact]
    public void Receipt_on_a_public_holiday_counts_from_the_next_working_day()
    {
        // Online submission on Giỗ Tổ (Mon 07/04/2025) → counted from Tue 08/04.
        var due = ClockA.Due(Vn("2025-04-07 09:00"), ProcessingTime.WorkingDays(5));

        Assert.Equal(D("2025-04-08"), due.CountedFrom);
        Assert.Equal(D("2025-04-15"), due.Date);
    }

    [Fact]
    public void The_receipt_day_is_the_Vietnam_date_not_the_UTC_date()
    {
        // style.md: 06:00 in Hà Nội on Monday is 23:00 UTC on Sunday; the dossier is received on Monday.
        var receivedUtc = new DateTime(2025, 3, 2, 23, 0, 0, DateTimeKind.Utc);
        var due = ClockA.Due(receivedUtc, ProcessingTime.WorkingDays(5));

        Assert.False(due.ReceiptMoved);
        Assert.Equal(D("2025-03-03"), due.CountedFrom);
        Assert.Equal(D("2025-03-10"), due.Date);
    }

    [Fact]
    public void Same_day_procedures_are_due_on_the_receipt_day_or_the_next_working_day_after_15h()
    {
        // domain-rules A3: "giải quyết trong ngày; trường hợp nhận hồ sơ sau 15 giờ thì trả trong ngày làm việc tiếp theo".
        var cutOff = new TimeOnly(15, 0);

        Assert.Equal(D("2025-03-07"), ClockA.Due(Vn("2025-03-07 10:00"), ProcessingTime.SameDay, cutOff).Date);
        Assert.Equal(D("2025-03-10"), ClockA.Due(Vn("2025-03-07 15:30"), ProcessingTime.SameDay, cutOff).Date);
    }

    [Fact]
    public void Calendar_day_limits_ending_on_a_day_off_roll_forward_to_the_next_working_day()
    {
        // Civil Code 2015 art. 148.5 (domain-rules A4 step 3): 21/04 + 10 days = Thu 01/05 (holiday).
        var time = new ProcessingTime(10, ProcessingTimeUnit.CalendarDays);

        Assert.Equal(D("2025-05-02"), ClockA.Due(Vn("2025-04-21 09:00"), time).Date);
        Assert.Equal(D("2025-05-05"), ClockB.Due(Vn("2025-04-21 09:00"), time).Date);
        Assert.Equal(D("2025-03-13"), ClockA.Due(Vn("2025-03-03 09:00"), time).Date);
    }

    [Fact]
    public void The_due_instant_is_the_end_of_the_due_day_in_Vietnam()
    {
        // Civil Code 2015 art. 148: a period ends at 24:00 of its last day; 23:59:59.9999999 +07 = 16:59:59.9999999 UTC.
        var due = ClockA.Due(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(5));

        Assert.Equal(new DateTime(2025, 3, 10, 16, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999), due.AtUtc);
    }

    [Fact]
    public void The_due_instant_can_be_the_end_of_office_hours()
    {
        // domain-rules A4 step 5: configurable.
        var clock = new DossierClock(Statutory, VietnamDossierRules.Default,
            DossierClockOptions.Default with { DueMoment = DueMoment.EndOfOfficeHours });

        Assert.Equal(new DateTime(2025, 3, 10, 10, 0, 0, DateTimeKind.Utc),
            clock.Due(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(5)).AtUtc);
    }

    [Fact]
    public void A_negative_processing_time_is_refused()
    {
        var error = Assert.Throws<RuleViolation>(() => ClockA.Due(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(-1)));
        Assert.Equal("Thời hạn giải quyết không được là số âm.", error.Message);
    }

    [Theory]
    [InlineData("2025-03-14 16:00", Timeliness.Early)]
    [InlineData("2025-03-17 08:00", Timeliness.OnTime)]
    [InlineData("2025-03-17 23:30", Timeliness.OnTime)] // 16:30 UTC: still the due day in Vietnam
    [InlineData("2025-03-18 00:30", Timeliness.Late)]   // 17:30 UTC of 17/03: already the next day in Vietnam
    public void Finished_dossiers_are_early_on_time_or_late_by_the_Vietnam_date(string finished, Timeliness expected)
    {
        // TT 01/2018 art. 13 index 1 and domain-rules A7: shorter = trước hạn, equal = đúng hạn, longer = quá hạn.
        var due = ClockA.Due(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(10)); // Mon 17/03

        Assert.Equal(expected, DossierClock.Classify(Vn(finished), due));
    }

    [Theory]
    [InlineData("2025-03-13 09:00", LiveState.InTime, 2, 0)]
    [InlineData("2025-03-14 09:00", LiveState.DueSoon, 1, 0)]  // domain-rules A7: ≤ 1 working day left
    [InlineData("2025-03-17 09:00", LiveState.DueSoon, 0, 0)]  // due today
    [InlineData("2025-03-18 09:00", LiveState.Overdue, 0, 1)]  // domain-rules A7: now > dueAt
    [InlineData("2025-03-20 09:00", LiveState.Overdue, 0, 3)]
    public void Open_dossiers_show_working_days_left_or_overdue(string now, LiveState state, int left, int overdue)
    {
        var facts = new DossierFacts(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(10));

        var live = ClockA.Evaluate(facts, Vn(now)).Live;

        Assert.Equal(new LiveStatus(state, left, overdue), live);
    }

    [Fact]
    public void The_weekend_after_a_Friday_due_date_is_already_one_day_overdue()
    {
        var due = ClockA.Due(Vn("2025-03-07 09:00"), ProcessingTime.WorkingDays(5)); // Fri 14/03

        Assert.Equal(new LiveStatus(LiveState.Overdue, 0, 1), ClockA.Live(due, Vn("2025-03-15 09:00")));
        Assert.Equal(new LiveStatus(LiveState.Overdue, 0, 1), ClockA.Live(due, Vn("2025-03-17 09:00")));
    }

    [Fact]
    public void A_supplement_request_restarts_the_legal_clock_from_zero_on_resubmission()
    {
        // NĐ 61 art. 19.4 (domain-rules A5): "thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ".
        var facts = new DossierFacts(
            Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(10),
            Supplements: [new SupplementRequest(Vn("2025-03-05 10:00"), Vn("2025-03-10 09:00"))],
            FinishedAtUtc: Vn("2025-03-24 15:00"));

        var timeline = ClockA.Evaluate(facts, Vn("2025-03-24 15:00"));

        Assert.Equal(D("2025-03-17"), timeline.OriginalDue.Date);
        Assert.Equal(D("2025-03-24"), timeline.LegalDue!.Date); // Mon 10/03 + 10 working days
        Assert.Equal(Timeliness.OnTime, timeline.Legal);
    }

    [Fact]
    public void The_portal_rule_subtracts_the_waiting_time_from_the_end_and_keeps_the_original_due_date()
    {
        // domain-rules A5 (766 statistic): effectiveEnd = end − Σ(completed − requested), compared with the
        // original NgayHenTra. Here 24/03 15:00 − 4 days 23 h = 19/03 16:00 > 17/03: late for the portal,
        // on time under the restart rule. Both are kept.
        var facts = new DossierFacts(
            Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(10),
            Supplements: [new SupplementRequest(Vn("2025-03-05 10:00"), Vn("2025-03-10 09:00"))],
            FinishedAtUtc: Vn("2025-03-24 15:00"));

        var timeline = ClockA.Evaluate(facts, Vn("2025-03-24 15:00"));

        Assert.Equal(Vn("2025-03-19 16:00"), timeline.PortalEndUtc);
        Assert.Equal(Timeliness.Late, timeline.Portal);
        Assert.Equal(Timeliness.OnTime, timeline.Legal);
    }

    [Fact]
    public void The_portal_rule_counts_a_dossier_still_waiting_after_one_request_at_its_request_time()
    {
        // domain-rules A5: a dossier still waiting after one request uses the request time as its end.
        var facts = new DossierFacts(
            Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(10),
            Supplements: [new SupplementRequest(Vn("2025-03-05 10:00"), null)]);

        var timeline = ClockA.Evaluate(facts, Vn("2025-04-30 10:00"));

        Assert.Equal(Vn("2025-03-05 10:00"), timeline.PortalEndUtc);
        Assert.NotEqual(Timeliness.Late, timeline.Portal);
        Assert.Null(timeline.LegalDue);
        Assert.Equal(new LiveStatus(LiveState.AwaitingApplicant, 0, 0), timeline.Live);
    }

    [Fact]
    public void The_portal_rule_counts_more_than_one_supplement_request_as_late()
    {
        // domain-rules A5 (766): "more than one supplement request ⇒ counted late", however fast the dossier.
        var facts = new DossierFacts(
            Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(10),
            Supplements:
            [
                new SupplementRequest(Vn("2025-03-04 10:00"), Vn("2025-03-04 15:00")),
                new SupplementRequest(Vn("2025-03-05 10:00"), Vn("2025-03-05 15:00")),
            ],
            FinishedAtUtc: Vn("2025-03-06 10:00"));

        var timeline = ClockA.Evaluate(facts, Vn("2025-03-06 10:00"));

        Assert.Equal(2, timeline.SupplementRequestCount);
        Assert.Equal(Timeliness.Late, timeline.Portal);
        Assert.Equal(Timeliness.Early, timeline.Legal);
    }

    [Theory]
    [InlineData("2025-03-06 16:00", 0)] // Mon 03/03 + 3 working days = Thu 06/03
    [InlineData("2025-03-07 08:00", 1)]
    public void A_supplement_request_is_due_within_three_working_days_of_receipt(string requested, int late)
    {
        // NĐ 61 art. 19.4: Phiếu yêu cầu bổ sung "trong thời hạn 03 ngày làm việc" from receipt.
        var facts = new DossierFacts(
            Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(10),
            Supplements: [new SupplementRequest(Vn(requested), Vn("2025-03-10 09:00"))]);

        Assert.Equal(late, ClockA.Evaluate(facts, Vn("2025-03-11 09:00")).LateSupplementRequests);
    }

    [Fact]
    public void Supplement_times_out_of_order_are_refused_in_Vietnamese()
    {
        var facts = new DossierFacts(
            Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(10),
            Supplements: [new SupplementRequest(Vn("2025-03-05 10:00"), Vn("2025-03-04 10:00"))]);

        var error = Assert.Throws<RuleViolation>(() => ClockA.Evaluate(facts, Vn("2025-03-11 09:00")));
        Assert.Equal("Thời điểm nhận đủ hồ sơ bổ sung không thể trước thời điểm yêu cầu.", error.Message);
    }

    [Theory]
    [InlineData("2025-03-07 16:00", true)]  // Fri before the Monday due date
    [InlineData("2025-03-08 09:00", false)] // Saturday is after the last working day before the due date
    [InlineData("2025-03-10 09:00", false)] // on the due date: too late
    public void The_apology_letter_is_due_one_working_day_before_the_due_date(string apologyAt, bool inTime)
    {
        // NĐ 61 art. 19.9 (domain-rules A6): "chậm nhất 01 ngày trước ngày hết hạn"; otherwise "xin lỗi muộn".
        var due = ClockA.Due(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(5)); // Mon 10/03

        Assert.Equal(inTime, ClockA.ApologyInTime(due, Vn(apologyAt)));
    }

    [Fact]
    public void A_late_dossier_may_be_rescheduled_only_once()
    {
        // NĐ 61 art. 19.9: the new return date may be set only once.
        var due = ClockA.Due(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(5));
        var rescheduled = ClockA.Reschedule(due, D("2025-03-14"), previousReschedules: 0);

        Assert.Equal(D("2025-03-14"), rescheduled.Date);
        var error = Assert.Throws<RuleViolation>(() => ClockA.Reschedule(rescheduled, D("2025-03-21"), previousReschedules: 1));
        Assert.Equal("Hồ sơ chỉ được hẹn lại ngày trả kết quả một lần.", error.Message);
    }

    [Theory]
    [InlineData("2025-03-07", "Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.")]
    [InlineData("2025-03-15", "Ngày hẹn trả mới 15/03/2025 không phải ngày làm việc.")]
    public void A_new_return_date_must_be_a_later_working_day(string newDate, string message)
    {
        var due = ClockA.Due(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(5));

        Assert.Equal(message, Assert.Throws<RuleViolation>(() => ClockA.Reschedule(due, D(newDate), 0)).Message);
    }

    [Fact]
    public void A_rescheduled_dossier_is_still_late_against_the_original_due_date()
    {
        // domain-rules A6: the original due date is kept for KPIs.
        var original = ClockA.Due(Vn("2025-03-03 10:00"), ProcessingTime.WorkingDays(5));
        var rescheduled = ClockA.Reschedule(original, D("2025-03-14"), 0);
        var finished = Vn("2025-03-14 10:00");

        Assert.Equal(Timeliness.OnTime, DossierClock.Classify(finished, rescheduled));
        Assert.Equal(Timeliness.Late, DossierClock.Classify(finished, original));
    }

    [Theory]
    [InlineData("2025-03-03 16:00", "2025-03-04 08:30")] // 1 h on Monday, 1 h from Tuesday's opening
    [InlineData("2025-03-03 06:00", "2025-03-03 09:30")] // before opening: starts at 07:30
    [InlineData("2025-03-08 10:00", "2025-03-10 09:30")] // Saturday: starts Monday 07:30
    [InlineData("2025-03-03 15:00", "2025-03-03 17:00")] // exactly to closing time
    public void Working_hour_limits_count_office_hours_of_working_days_only(string received, string due)
    {
        // domain-rules A4 step 4: "02 giờ làm việc", office hours 07:30–17:00 (configurable).
        var result = ClockA.Due(Vn(received), new ProcessingTime(2, ProcessingTimeUnit.WorkingHours));

        Assert.Equal(Vn(due), result.AtUtc);
        Assert.True(result.ExactTime);
    }

    [Theory]
    [InlineData("2025-03-03 09:00", Timeliness.OnTime)]
    [InlineData("2025-03-03 09:31", Timeliness.Late)]
    public void Working_hour_limits_are_late_after_the_due_minute(string finished, Timeliness expected)
    {
        var due = ClockA.Due(Vn("2025-03-03 07:30"), new ProcessingTime(2, ProcessingTimeUnit.WorkingHours));

        Assert.Equal(expected, DossierClock.Classify(Vn(finished), due));
    }

    [Theory]
    [InlineData("2025-03-03 14:59", "2025-03-03")]
    [InlineData("2025-03-03 15:00", "2025-03-04")] // NĐ 61 art. 18.3: after 15:00 → next working day
    [InlineData("2025-03-08 09:00", "2025-03-10")] // received on Saturday
    public void A_paper_dossier_is_transferred_the_same_working_day_or_the_next_after_15h(string received, string transferBy)
    {
        // NĐ 61 art. 18.2–18.3 (domain-rules A3).
        Assert.Equal(D(transferBy), ClockA.TransferBy(Vn(received)));
    }

    [Theory]
    [InlineData("2025-03-03 06:00", "2025-03-03")]
    [InlineData("2025-03-03 18:00", "2025-03-04")]
    [InlineData("2025-03-09 10:00", "2025-03-10")] // Sunday
    public void An_online_dossier_is_accepted_or_refused_within_the_working_day_it_is_submitted(string submitted, string decideBy)
    {
        // QĐ 3142/QĐ-BGDĐT art. 11 (domain-rules A3): within the working day; outside working hours from the
        // start of the next working time.
        Assert.Equal(D(decideBy), ClockA.Due(Vn(submitted), ProcessingTime.SameDay).Date);
    }

    [Fact]
    public void The_end_of_processing_is_resolution_else_delivery_else_stop()
    {
        // domain-rules A7 (766 priority): "Đã xử lý xong" > "Đã trả kết quả" > "Dừng xử lý / Từ chối".
        var resolved = Vn("2025-03-10 09:00");
        var delivered = Vn("2025-03-11 09:00");
        var stopped = Vn("2025-03-12 09:00");

        Assert.Equal(resolved, DossierClock.ProcessingEnd(resolved, delivered, stopped));
        Assert.Equal(delivered, DossierClock.ProcessingEnd(null, delivered, stopped));
        Assert.Equal(stopped, DossierClock.ProcessingEnd(null, null, stopped));
        Assert.Null(DossierClock.ProcessingEnd(null, null, null));
    }

    [Theory]
    [InlineData(Timeliness.Early, 2)]
    [InlineData(Timeliness.OnTime, 1)]
    [InlineData(Timeliness.Late, 0)]
    public void Total_time_scores_two_points_early_one_on_time_none_late(Timeliness timeliness, int points)
    {
        // TT 01/2018 art. 13 index 1 (domain-rules A7/A8).
        Assert.Equal(points, DossierClock.Points(timeliness));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    public void Contacts_to_complete_a_dossier_score_two_one_or_zero_points(int contacts, int points)
    {
        // TT 01/2018 art. 13 index 3 (domain-rules A5): 0 contacts = 2, 1 = 1, more than 1 = 0.
        Assert.Equal(points, DossierClock.ContactPoints(contacts));
    }

    [Fact]
    public void A_working_day_due_date_is_a_working_day_after_the_receipt_day_with_exactly_N_days_counted()
    {
        // domain-rules A4 steps 1–2 as an invariant over random receipt minutes 2016–2045 and 1–60 days.
        var receipts = Gen.Choose(0, 30 * 365 * 24 * 60)
            .Select(minutes => new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minutes));
        var cases = Gen.Zip(receipts, Gen.Choose(1, 60)).ToArbitrary();

        Prop.ForAll(cases, x =>
            {
                var due = ClockB.Due(x.Item1, ProcessingTime.WorkingDays(x.Item2));
                return With2025Swaps.IsWorkingDay(due.Date)
                       && due.Date > VietnamTime.LocalDate(x.Item1)
                       && due.CountedFrom >= VietnamTime.LocalDate(x.Item1)
                       && With2025Swaps.CountWorkingDays(due.CountedFrom, due.Date) == x.Item2;
            })
            .QuickCheckThrowOnFailure();
    }
}
