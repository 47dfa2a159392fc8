using Cchc.Core.Calendar;
using Cchc.Core.Common;

namespace Cchc.Core.Dossiers;

public enum ProcessingTimeUnit
{
    WorkingDays,
    CalendarDays,

    /// <summary>Hours inside office hours of working days, e.g. "02 giờ làm việc" (domain-rules A4 step 4).</summary>
    WorkingHours,
}

/// <summary>A procedure's legal processing time; 0 working days means "giải quyết trong ngày".</summary>
public sealed record ProcessingTime(int Amount, ProcessingTimeUnit Unit = ProcessingTimeUnit.WorkingDays)
{
    public static ProcessingTime WorkingDays(int days) => new(days);

    public static ProcessingTime SameDay { get; } = new(0);
}

/// <summary>When a due date ends: at 24:00 (Civil Code 2015 art. 148) or at the office's closing time.</summary>
public enum DueMoment
{
    EndOfDay,
    EndOfOfficeHours,
}

/// <summary>Office settings of the receiving unit (domain-rules A4 step 1 and 5: configurable ⚠️).</summary>
public sealed record DossierClockOptions(TimeOnly OfficeOpens, TimeOnly OfficeCloses, DueMoment DueMoment)
{
    public static DossierClockOptions Default { get; } = new(new TimeOnly(7, 30), new TimeOnly(17, 0), DueMoment.EndOfDay);
}

/// <summary>One request to supplement the dossier; <see cref="CompletedAtUtc"/> is null while the applicant owes papers.</summary>
public sealed record SupplementRequest(DateTime RequestedAtUtc, DateTime? CompletedAtUtc);

/// <summary>What is known of a dossier's time line.</summary>
/// <param name="CutOff">The procedure's own cut-off (e.g. 15:00 for "trả trong ngày"); null = office close.</param>
/// <param name="FinishedAtUtc">End of processing: status 9, else 10, else 8/3 (domain-rules A7); null while open.</param>
public sealed record DossierFacts(
    DateTime ReceivedAtUtc,
    ProcessingTime ProcessingTime,
    TimeOnly? CutOff = null,
    IReadOnlyList<SupplementRequest>? Supplements = null,
    DateTime? FinishedAtUtc = null);

/// <summary>
/// A computed due date. <see cref="CountedFrom"/> is the effective receipt day, which itself is not counted
/// for day limits. <see cref="ExactTime"/> is true for hour limits, whose due instant is compared to the minute.
/// </summary>
public sealed record DueDate(DateTime ReceivedAtUtc, DateOnly CountedFrom, bool ReceiptMoved, DateOnly Date, DateTime AtUtc, bool ExactTime = false);

/// <summary>TT 01/2018 art. 13 index 1: trước hạn / đúng hạn / quá hạn.</summary>
public enum Timeliness
{
    Early,
    OnTime,
    Late,
}

public enum LiveState
{
    InTime,

    /// <summary>At most one working day left: the last moment for the apology letter (NĐ 61 art. 19.9).</summary>
    DueSoon,
    Overdue,

    /// <summary>A supplement was requested and not yet provided: the legal clock waits for a restart.</summary>
    AwaitingApplicant,
}

/// <summary>Where an open dossier stands: working days left until the due date, or working days overdue.</summary>
public sealed record LiveStatus(LiveState State, int WorkingDaysLeft, int WorkingDaysOverdue);

/// <summary>
/// The two readings of a dossier's time. <see cref="LegalDue"/> follows NĐ 61 art. 19.4 (the time limit
/// restarts from zero when the complete dossier is received); <see cref="Portal"/> follows the national
/// portal's 766 statistic (the original due date, waiting time subtracted, more than one supplement
/// request counts late). Both are kept (domain-rules A5).
/// </summary>
public sealed record DossierTimeline(
    DossierRuleSet Rules,
    DueDate OriginalDue,
    DueDate? LegalDue,
    int SupplementRequestCount,
    int LateSupplementRequests,
    Timeliness? Legal,
    LiveStatus? Live,
    Timeliness Portal,
    DateTime PortalEndUtc);

/// <summary>The working-day clock of dossiers (domain-rules A3–A7).</summary>
public sealed class DossierClock(WorkingCalendar calendar, DossierRuleBook rules, DossierClockOptions options)
{
    public DossierClock(WorkingCalendar calendar)
        : this(calendar, VietnamDossierRules.Default, DossierClockOptions.Default)
    {
    }

    public DossierRuleSet RulesAt(DateTime receivedAtUtc) => rules.InForceAt(receivedAtUtc);

    /// <summary>
    /// Due date of a dossier received at <paramref name="receivedAtUtc"/> (domain-rules A4):
    /// 1. received on a day off, or at/after the cut-off (the procedure's, else office close), the receipt
    ///    moves to the start of the next working day (NĐ 61 art. 18.3; QĐ 3142/QĐ-BGDĐT art. 11);
    /// 2. working days: the receipt day is not counted (Civil Code art. 147.2), N working days are counted;
    /// 3. calendar days: N days are added and a day off rolls forward (Civil Code art. 148.5);
    /// 4. working hours: counted inside office hours of working days, due to the minute.
    /// </summary>
    public DueDate Due(DateTime receivedAtUtc, ProcessingTime time, TimeOnly? cutOff = null)
    {
        if (time.Amount < 0)
        {
            throw new RuleViolation("Thời hạn giải quyết không được là số âm.", nameof(ProcessingTime));
        }

        var local = VietnamTime.ToLocal(receivedAtUtc);
        var day = DateOnly.FromDateTime(local);
        if (time.Unit == ProcessingTimeUnit.WorkingHours)
        {
            return DueInWorkingHours(receivedAtUtc, local, time.Amount);
        }

        var limit = cutOff ?? options.OfficeCloses;
        bool moved = !calendar.IsWorkingDay(day) || TimeOnly.FromDateTime(local) >= limit;
        var countedFrom = moved ? calendar.NextWorkingDay(day) : day;

        var due = time.Unit == ProcessingTimeUnit.WorkingDays
            ? calendar.AddWorkingDays(countedFrom, time.Amount)
            : calendar.WorkingDayOnOrAfter(countedFrom.AddDays(time.Amount));

        return new DueDate(receivedAtUtc, countedFrom, moved, due, EndOf(due));
    }

    /// <summary>Both readings of the dossier's time, as of <paramref name="asOfUtc"/> for an open dossier.</summary>
    public DossierTimeline Evaluate(DossierFacts facts, DateTime asOfUtc)
    {
        var supplements = facts.Supplements ?? [];
        Validate(facts, supplements);

        var ruleSet = rules.InForceAt(facts.ReceivedAtUtc);
        var original = Due(facts.ReceivedAtUtc, facts.ProcessingTime, facts.CutOff);
        var last = supplements.Count > 0 ? supplements[^1] : null;
        bool awaiting = last is { CompletedAtUtc: null };

        // NĐ 61 art. 19.4: "thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ".
        DueDate? legal = last switch
        {
            null => original,
            { CompletedAtUtc: { } resubmitted } => Due(resubmitted, facts.ProcessingTime, facts.CutOff),
            _ => null,
        };

        int lateRequests = CountLateSupplementRequests(original, supplements, facts, ruleSet);

        Timeliness? legalResult = null;
        LiveStatus? live = null;
        if (facts.FinishedAtUtc is { } finished)
        {
            legalResult = legal is null ? null : Classify(finished, legal);
        }
        else
        {
            live = legal is null ? new LiveStatus(LiveState.AwaitingApplicant, 0, 0) : Live(legal, asOfUtc);
        }

        var (portal, portalEnd) = Portal(original, supplements, facts.FinishedAtUtc ?? asOfUtc, awaiting);
        return new DossierTimeline(ruleSet, original, legal, supplements.Count, lateRequests, legalResult, live, portal, portalEnd);
    }

    /// <summary>
    /// TT 01/2018 art. 13 index 1 and domain-rules A7: compares the Vietnam date of the end of processing
    /// with the due date: before = early, same day = on time, after = late. Hour limits are compared to the
    /// instant: after the due instant is late.
    /// </summary>
    public static Timeliness Classify(DateTime finishedAtUtc, DueDate due)
    {
        var finished = VietnamTime.LocalDate(finishedAtUtc);
        if (due.ExactTime && finishedAtUtc > due.AtUtc)
        {
            return Timeliness.Late;
        }

        return finished < due.Date ? Timeliness.Early : finished == due.Date ? Timeliness.OnTime : Timeliness.Late;
    }

    /// <summary>
    /// The end of processing used for timeliness (domain-rules A7, 766 priority): "Đã xử lý xong" (9), else
    /// "Đã trả kết quả" (10), else stopped, refused or withdrawn (8/3/7); null while processing goes on.
    /// </summary>
    public static DateTime? ProcessingEnd(DateTime? resolvedAtUtc, DateTime? deliveredAtUtc, DateTime? stoppedAtUtc) =>
        resolvedAtUtc ?? deliveredAtUtc ?? stoppedAtUtc;

    /// <summary>TT 01/2018 art. 13 index 1 (and index 2 per unit): early = 2 points, on time = 1, late = 0.</summary>
    public static int Points(Timeliness timeliness) => timeliness switch
    {
        Timeliness.Early => 2,
        Timeliness.OnTime => 1,
        _ => 0,
    };

    /// <summary>
    /// TT 01/2018 art. 15.2 (domain-rules A8): a per-dossier index of a unit or officer is the sum of the
    /// dossiers' points divided by the number of dossiers, rounded to one decimal. No dossier means no data,
    /// and an index without data is left out (null), never scored 0.
    /// </summary>
    public static double? IndexAverage(IEnumerable<int> dossierPoints)
    {
        int count = 0, sum = 0;
        foreach (int points in dossierPoints)
        {
            if (points is < 0 or > 2)
            {
                throw new ArgumentOutOfRangeException(nameof(dossierPoints), points, "Index points are 0, 1 or 2.");
            }

            count++;
            sum += points;
        }

        // Decimal division so that e.g. 23/20 = 1.15 rounds half away from zero to 1.2, as a person would.
        return count == 0 ? null : (double)Math.Round((decimal)sum / count, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// TT 01/2018 art. 13 index 3 (domain-rules A5): contacts needed to complete the dossier, not counting
    /// those caused by the applicant's fault: none = 2 points, one = 1, more = 0.
    /// </summary>
    public static int ContactPoints(int contactsNotCausedByApplicant) => contactsNotCausedByApplicant switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(contactsNotCausedByApplicant)),
        0 => 2,
        1 => 1,
        _ => 0,
    };

    /// <summary>
    /// NĐ 61 art. 18.2–18.3 (domain-rules A3): a paper dossier received directly goes to the competent body
    /// the same working day, or at the start of the next working day when received after 15:00 or on a day off.
    /// </summary>
    public DateOnly TransferBy(DateTime receivedAtUtc)
    {
        var local = VietnamTime.ToLocal(receivedAtUtc);
        var day = DateOnly.FromDateTime(local);
        var cutOff = rules.InForceAt(receivedAtUtc).TransferCutOff;
        return calendar.IsWorkingDay(day) && TimeOnly.FromDateTime(local) < cutOff ? day : calendar.NextWorkingDay(day);
    }

    /// <summary>Working days left, or overdue, for an open dossier at <paramref name="asOfUtc"/> (domain-rules A7).</summary>
    public LiveStatus Live(DueDate due, DateTime asOfUtc)
    {
        var today = VietnamTime.LocalDate(asOfUtc);
        if (asOfUtc > due.AtUtc)
        {
            // The first day after the due date is the first day overdue, even when it is a day off.
            return new LiveStatus(LiveState.Overdue, 0, Math.Max(1, calendar.CountWorkingDays(due.Date, today)));
        }

        int left = calendar.CountWorkingDays(today, due.Date);
        return new LiveStatus(left <= 1 ? LiveState.DueSoon : LiveState.InTime, left, 0);
    }

    /// <summary>
    /// NĐ 61 art. 19.9: the apology letter must be sent no later than one working day before the due date.
    /// </summary>
    public bool ApologyInTime(DueDate due, DateTime apologyAtUtc)
    {
        var rulesAtReceipt = rules.InForceAt(due.ReceivedAtUtc);
        var latest = calendar.AddWorkingDays(due.Date, -rulesAtReceipt.ApologyWorkingDaysBeforeDue);
        return VietnamTime.LocalDate(apologyAtUtc) <= latest;
    }

    /// <summary>
    /// NĐ 61 art. 19.9: a late dossier may be given a new return date once. The original due date stays the
    /// one timeliness is measured against (domain-rules A6).
    /// </summary>
    public DueDate Reschedule(DueDate current, DateOnly newDate, int previousReschedules)
    {
        var ruleSet = rules.InForceAt(current.ReceivedAtUtc);
        if (previousReschedules >= ruleSet.MaxReschedules)
        {
            throw new RuleViolation("Hồ sơ chỉ được hẹn lại ngày trả kết quả một lần.", nameof(newDate));
        }

        if (newDate <= current.Date)
        {
            throw new RuleViolation("Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.", nameof(newDate));
        }

        if (!calendar.IsWorkingDay(newDate))
        {
            throw new RuleViolation($"Ngày hẹn trả mới {newDate:dd/MM/yyyy} không phải ngày làm việc.", nameof(newDate));
        }

        return current with { Date = newDate, AtUtc = EndOf(newDate), ExactTime = false };
    }

    /// <summary>
    /// The 766 statistic (domain-rules A5): end − Σ waiting time compared with the original due date; a
    /// dossier still waiting after one request ends at that request; more than one request is late.
    /// </summary>
    private (Timeliness Result, DateTime EndUtc) Portal(
        DueDate original, IReadOnlyList<SupplementRequest> supplements, DateTime endUtc, bool stillWaiting)
    {
        if (stillWaiting && supplements.Count == 1)
        {
            endUtc = supplements[0].RequestedAtUtc;
        }
        else
        {
            foreach (var s in supplements)
            {
                if (s.CompletedAtUtc is { } completed)
                {
                    endUtc -= completed - s.RequestedAtUtc;
                }
            }
        }

        return (supplements.Count > 1 ? Timeliness.Late : Classify(endUtc, original), endUtc);
    }

    /// <summary>NĐ 61 art. 19.4: a supplement request is due within 3 working days of (re)receipt.</summary>
    private int CountLateSupplementRequests(
        DueDate original, IReadOnlyList<SupplementRequest> supplements, DossierFacts facts, DossierRuleSet ruleSet)
    {
        int late = 0;
        var countedFrom = original.CountedFrom;
        foreach (var s in supplements)
        {
            var latest = calendar.AddWorkingDays(countedFrom, ruleSet.SupplementRequestWithinWorkingDays);
            if (VietnamTime.LocalDate(s.RequestedAtUtc) > latest)
            {
                late++;
            }

            if (s.CompletedAtUtc is { } completed)
            {
                countedFrom = Due(completed, facts.ProcessingTime, facts.CutOff).CountedFrom;
            }
        }

        return late;
    }

    /// <summary>
    /// domain-rules A4 step 4: counts hours inside office hours of working days only; a receipt outside them
    /// starts at the next opening. A lunch break is not modelled (⚠️ office hours are one span).
    /// </summary>
    private DueDate DueInWorkingHours(DateTime receivedAtUtc, DateTime local, int hours)
    {
        var opens = options.OfficeOpens.ToTimeSpan();
        var closes = options.OfficeCloses.ToTimeSpan();
        var day = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        bool moved = !calendar.IsWorkingDay(day) || time >= closes;
        if (moved)
        {
            day = calendar.NextWorkingDay(day);
            time = opens;
        }
        else if (time < opens)
        {
            time = opens;
        }

        var countedFrom = day;
        var remaining = TimeSpan.FromHours(hours);
        while (remaining > closes - time)
        {
            remaining -= closes - time;
            day = calendar.NextWorkingDay(day);
            time = opens;
        }

        var dueLocal = day.ToDateTime(TimeOnly.FromTimeSpan(time + remaining));
        return new DueDate(receivedAtUtc, countedFrom, moved, day, VietnamTime.ToUtc(dueLocal), ExactTime: true);
    }

    private DateTime EndOf(DateOnly date) => options.DueMoment == DueMoment.EndOfDay
        ? VietnamTime.ToUtc(date, TimeOnly.MaxValue)
        : VietnamTime.ToUtc(date, options.OfficeCloses);

    private static void Validate(DossierFacts facts, IReadOnlyList<SupplementRequest> supplements)
    {
        var previous = facts.ReceivedAtUtc;
        for (int i = 0; i < supplements.Count; i++)
        {
            var s = supplements[i];
            if (s.RequestedAtUtc < previous)
            {
                throw new RuleViolation("Yêu cầu bổ sung không thể trước thời điểm tiếp nhận hoặc lần bổ sung trước.", nameof(DossierFacts.Supplements));
            }

            if (s.CompletedAtUtc is null && i < supplements.Count - 1)
            {
                throw new RuleViolation("Chỉ yêu cầu bổ sung sau cùng mới có thể đang chờ công dân bổ sung.", nameof(DossierFacts.Supplements));
            }

            if (s.CompletedAtUtc is { } completed && completed < s.RequestedAtUtc)
            {
                throw new RuleViolation("Thời điểm nhận đủ hồ sơ bổ sung không thể trước thời điểm yêu cầu.", nameof(DossierFacts.Supplements));
            }

            previous = s.CompletedAtUtc ?? s.RequestedAtUtc;
        }

        if (facts.FinishedAtUtc is { } finished && finished < previous)
        {
            throw new RuleViolation("Thời điểm kết thúc xử lý không thể trước thời điểm tiếp nhận hoặc bổ sung.", nameof(DossierFacts.FinishedAtUtc));
        }
    }
}
