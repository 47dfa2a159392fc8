using System.Globalization;
using Cchc.Core.Calendar;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using Cchc.Core.Procedures;
using static Cchc.Core.Tests.Calendar.TestCalendars;

namespace Cchc.Core.Tests.Dossiers;

public sealed class DossierTests
{
    private static readonly DossierClock Clock = new(Statutory);
    private static readonly DossierActor Desk = new("Cán bộ một cửa", 1, DossierEventSource.Desk);

    private static DateTime Vn(string local) =>
        VietnamTime.ToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    private static Procedure FiveDays() => new("1.005090", new ProcedureDetails(
        "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ", CompetentLevel.Department, 1,
        ProcessingTime.WorkingDays(5), null, null, Cchc.Core.Procedures.OnlineLevel.Full, true, true, false, IsoProcess.None, true, false,
        new DateOnly(2018, 1, 1), null));

    private static Dossier Received(string at = "2025-03-03 10:00") =>
        Dossier.Receive("H12.22", 1, FiveDays(), 7, new Applicant("Nguyễn Văn An", "0912 345 678", null, null),
            SubmissionChannel.Desk, Vn(at), "Đơn đề nghị", Desk, Clock);

    [Fact]
    public void A_desk_receipt_computes_the_due_date_and_writes_the_timeline()
    {
        // domain-rules A4 vector: Mon 03/03/2025 10:00 + 5 working days → Mon 10/03/2025.
        var d = Received();
        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Equal(new DateOnly(2025, 3, 10), d.DueDate);
        Assert.Equal(d.DueDate, d.OriginalDueDate);
        Assert.Equal("5678", d.PhoneTail);
        var e = Assert.Single(d.Events);
        Assert.Equal((int)DossierAction.Receive, e.Action);
        Assert.Equal(DossierStatus.Received, e.ToStatus);
    }

    [Theory]
    // NĐ 61 art. 26 (4 digits) until 30/06/2025; NĐ 118/2025 from 01/07/2025 (Vietnam date of receipt).
    [InlineData("2025-06-30 16:59", "Nghị định 61/2018/NĐ-CP", "H12.22-250630-0012")]
    [InlineData("2025-07-01 07:30", "Nghị định 118/2025/NĐ-CP", "H12.22-250701-0012")]
    public void The_code_and_rule_set_follow_the_receipt_date(string at, string ruleSet, string code)
    {
        var d = Dossier.Receive("H12.22", 12, FiveDays(), 7, new Applicant("Trần Thị Bình", null, null, null),
            SubmissionChannel.Post, Vn(at), null, Desk, Clock);
        Assert.Equal(ruleSet, d.RuleSet);
        Assert.Equal(code, d.Code);
    }

    [Fact]
    public void A_decree_61_code_refuses_a_fifth_digit_but_118_accepts_it()
    {
        // NĐ 61 art. 26: XXXX is four digits; the 118/2025 layout lets the sequence grow (DossierCodeFormat).
        Assert.Throws<RuleViolation>(() => Dossier.Receive("H12", 10000, FiveDays(), 7, new Applicant("A", null, null, null),
            SubmissionChannel.Desk, Vn("2025-06-30 09:00"), null, Desk, Clock));
        var d = Dossier.Receive("H12", 10000, FiveDays(), 7, new Applicant("A", null, null, null),
            SubmissionChannel.Desk, Vn("2025-07-01 09:00"), null, Desk, Clock);
        Assert.Equal("H12-250701-10000", d.Code);
    }

    [Fact]
    public void A_forbidden_status_jump_is_refused_and_changes_nothing()
    {
        // domain-rules A2: Received → Resolved skips processing; stopping a resolved dossier is forbidden.
        var d = Received();
        var ex = Assert.Throws<RuleViolation>(() => d.Resolve(Vn("2025-03-04 09:00"), Desk, null, false, false));
        Assert.Contains("Được tiếp nhận", ex.Message, StringComparison.Ordinal);
        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Single(d.Events);
        Assert.Null(d.ResolvedAtUtc);
    }

    [Fact]
    public void Resubmission_restarts_the_legal_clock_while_the_original_due_date_stays()
    {
        // NĐ 61 art. 19.4: the time limit restarts when the complete dossier is received again.
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.RequestSupplement("Bổ sung bản sao CCCD", Vn("2025-03-04 09:00"), Desk);
        Assert.Null(d.DueDate);
        d.Resubmit(Vn("2025-03-07 09:00"), Desk, null, Clock); // Fri 07/03 + 5 → Fri 14/03
        Assert.Equal(new DateOnly(2025, 3, 14), d.DueDate);
        Assert.Equal(new DateOnly(2025, 3, 10), d.OriginalDueDate);
        Assert.Equal(1, d.SupplementCount);
        Assert.Equal(DossierStatus.InProgress, d.Status);
    }

    [Fact]
    public void Supplements_read_back_in_any_order_are_taken_in_their_numbered_order()
    {
        // A database returns child rows in no promised order: the second request, loaded first, must not become
        // "the first" (its wait would be subtracted wrongly, and the restart would start from the wrong resubmission).
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.RequestSupplement("Bổ sung bản sao CCCD", Vn("2025-03-04 09:00"), Desk);
        d.Resubmit(Vn("2025-03-05 09:00"), Desk, null, Clock);
        d.RequestSupplement("Bổ sung giấy khai sinh", Vn("2025-03-06 09:00"), Desk);
        var inOrder = d.Evaluate(Clock, Vn("2025-03-06 10:00"));
        var list = (List<DossierSupplement>)typeof(Dossier).GetField("_supplements", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(d)!;
        list.Reverse();
        Assert.Equal(inOrder, d.Evaluate(Clock, Vn("2025-03-06 10:00")));
        d.Resubmit(Vn("2025-03-07 09:00"), Desk, null, Clock);   // completes request 2, the open one
        Assert.Equal([Vn("2025-03-05 09:00"), Vn("2025-03-07 09:00")], d.Supplements.OrderBy(s => s.Number).Select(s => s.CompletedAtUtc!.Value));
        Assert.Equal(new DateOnly(2025, 3, 14), d.DueDate);      // Fri 07/03 + 5 working days
    }

    [Fact]
    public void Resubmission_to_a_closed_dossier_is_refused()
    {
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.Resolve(Vn("2025-03-05 09:00"), Desk, null, true, true);
        d.Deliver(ReturnMethod.Post, Vn("2025-03-06 09:00"), Desk, null);
        Assert.Throws<RuleViolation>(() => d.Resubmit(Vn("2025-03-07 09:00"), Desk, null, Clock));
        Assert.Equal(DossierStatus.Delivered, d.Status);
    }

    [Fact]
    public void A_refusal_needs_a_reason()
    {
        var d = Dossier.SubmitOnline("H12", 1, FiveDays(), 7, new Applicant("Lê Văn Cường", "0988000111", null, null),
            Vn("2025-03-03 20:00"), null, Desk with { Source = DossierEventSource.Online }, Clock);
        Assert.Throws<RuleViolation>(() => d.Refuse("  ", Vn("2025-03-04 08:00"), Desk));
        d.Refuse("Hồ sơ không thuộc thẩm quyền", Vn("2025-03-04 08:00"), Desk);
        Assert.Equal(DossierStatus.Refused, d.Status);
        Assert.Equal(Vn("2025-03-04 08:00"), d.FinishedAtUtc);
    }

    [Fact]
    public void An_online_dossier_starts_its_clock_when_the_desk_receives_it()
    {
        var d = Dossier.SubmitOnline("H12", 1, FiveDays(), 7, new Applicant("Lê Văn Cường", null, null, null),
            Vn("2025-03-01 20:00"), null, Desk, Clock);
        Assert.Null(d.DueDate);
        d.ReceiveSubmitted(Vn("2025-03-03 08:00"), Desk, null, Clock);
        Assert.Equal(new DateOnly(2025, 3, 10), d.DueDate);
    }

    [Fact]
    public void Rescheduling_happens_only_once()
    {
        // NĐ 61 art. 19.9: "chỉ được hẹn lại ngày trả kết quả một lần".
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.DraftApology("Cần xác minh với trường cấp bằng", new DateOnly(2025, 3, 14), Vn("2025-03-06 09:00"), Desk, Clock);
        Assert.Equal(new DateOnly(2025, 3, 14), d.AppointmentDate);
        Assert.True(d.ApologyInTime);
        Assert.Throws<RuleViolation>(() => d.DraftApology("Lần nữa", new DateOnly(2025, 3, 20), Vn("2025-03-07 09:00"), Desk, Clock));
        Assert.Equal(new DateOnly(2025, 3, 14), d.ApologyNewDate);
    }

    [Fact]
    public void An_apology_on_the_due_date_is_marked_late()
    {
        // NĐ 61 art. 19.9: no later than one working day before the due date (Mon 10/03 → Fri 07/03).
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.DraftApology("Chậm do xác minh", new DateOnly(2025, 3, 12), Vn("2025-03-10 09:00"), Desk, Clock);
        Assert.False(d.ApologyInTime);
    }

    [Fact]
    public void A_late_dossier_without_a_sent_apology_is_flagged()
    {
        var d = Received();
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        var overdue = d.Evaluate(Clock, Vn("2025-03-11 09:00"));
        Assert.Equal(LiveState.Overdue, overdue!.Live!.State);
        Assert.True(Dossier.NeedsApology(overdue, d.ApologySentAtUtc));

        d.DraftApology("Chậm do xác minh", new DateOnly(2025, 3, 12), Vn("2025-03-06 09:00"), Desk, Clock);
        d.MarkApologySent(Vn("2025-03-06 10:00"), Desk);
        Assert.False(Dossier.NeedsApology(d.Evaluate(Clock, Vn("2025-03-11 09:00")), d.ApologySentAtUtc));
        Assert.False(Dossier.NeedsApology(d.Evaluate(Clock, Vn("2025-03-04 09:00")), null));
    }

    [Fact]
    public void A_hand_off_records_the_step_and_marks_the_dossier_inter_agency()
    {
        var d = Received();
        Assert.Throws<RuleViolation>(() => d.HandOff(9, 2, Vn("2025-03-03 11:00"), Desk, null)); // not yet in progress
        d.Act(DossierAction.StartProcessing, Vn("2025-03-03 11:00"), Desk, null, Clock);
        d.HandOff(9, 2, Vn("2025-03-03 14:00"), Desk, "Chuyển phòng chuyên môn");
        d.HandOff(10, 3, Vn("2025-03-05 14:00"), Desk, null);
        Assert.True(d.InterAgency);
        Assert.Equal(Vn("2025-03-05 14:00"), d.Steps[0].FinishedAtUtc);
        Assert.Throws<RuleViolation>(() => d.HandOff(11, 1, Vn("2025-03-06 14:00"), Desk, null)); // 2 + 3 + 1 > 5 days
        Assert.Equal(2, d.Steps.Count);
    }

    [Fact]
    public void A_pushed_status_follows_the_workflow()
    {
        var d = Dossier.FromIntegration("H12.22-250303-0001", FiveDays(), 7, new Applicant("Phạm Thị Dung", null, null, null),
            SubmissionChannel.Online, Vn("2025-03-03 08:00"), Clock);
        var push = new DossierActor("Hệ thống một cửa tỉnh", null, DossierEventSource.Integration, "e1");
        d.ApplyPushedStatus(DossierStatus.Received, Vn("2025-03-03 09:00"), push, null, Clock);
        d.ApplyPushedStatus(DossierStatus.InProgress, Vn("2025-03-03 10:00"), push with { ExternalId = "e2" }, null, Clock);
        Assert.Throws<RuleViolation>(() => d.ApplyPushedStatus(DossierStatus.Delivered, Vn("2025-03-04 10:00"), push with { ExternalId = "e3" }, null, Clock));
        Assert.Equal(DossierStatus.InProgress, d.Status);
        Assert.Equal(new DateOnly(2025, 3, 10), d.DueDate);
    }
}
