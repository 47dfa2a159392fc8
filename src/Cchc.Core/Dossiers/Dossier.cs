using Cchc.Core.Calendar;
using Cchc.Core.Common;
using Cchc.Core.Indicators;
using Cchc.Core.Procedures;

namespace Cchc.Core.Dossiers;

/// <summary>How the dossier reached the unit, with the national sync codes (KenhThucHien, domain-rules A1).</summary>
public enum SubmissionChannel
{
    Desk = 1,
    Online = 2,
    Post = 3,
}

/// <summary>How the result goes back to the applicant (NĐ 61 art. 16, 20).</summary>
public enum ReturnMethod
{
    Desk = 1,
    Post = 2,
    Online = 3,
}

/// <summary>Where a timeline entry came from; integration entries carry the province system's event id.</summary>
public enum DossierEventSource
{
    Desk = 1,
    Online = 2,
    Integration = 3,
}

/// <summary>What a timeline entry records: a workflow action, or one of the entries that do not move the status.</summary>
public enum DossierEventKind
{
    Submit = 100,
    HandOff = 101,
    ApologyDrafted = 102,
    ApologySent = 103,
    Note = 104,
}

/// <summary>The applicant: only what the receipt slip and the notifications need (NĐ 61 art. 17; TT 01/2018 Mẫu 01).</summary>
public sealed record Applicant(string Name, string? Phone, string? Email, string? Address)
{
    public const int NameMaxLength = 200;
    public const int PhoneMaxLength = 20;
    public const int EmailMaxLength = 200;
    public const int AddressMaxLength = 500;

    public Applicant Checked()
    {
        var name = (Name ?? "").Trim();
        if (name.Length == 0) throw new RuleViolation("Vui lòng nhập họ tên người nộp hồ sơ.", "ApplicantName");
        if (name.Length > NameMaxLength) throw new RuleViolation($"Họ tên người nộp tối đa {NameMaxLength} ký tự.", "ApplicantName");
        var phone = Clean(Phone);
        if (phone is not null && (phone.Length > PhoneMaxLength || phone.Any(c => !char.IsAsciiDigit(c) && c is not '+' and not ' ' and not '.' and not '-')))
            throw new RuleViolation("Số điện thoại chỉ gồm chữ số (có thể có dấu +, dấu cách).", "ApplicantPhone");
        var email = Clean(Email);
        if (email is not null && (email.Length > EmailMaxLength || !email.Contains('@')))
            throw new RuleViolation("Địa chỉ thư điện tử không hợp lệ.", "ApplicantEmail");
        var address = Clean(Address);
        if (address is { Length: > AddressMaxLength }) throw new RuleViolation($"Địa chỉ tối đa {AddressMaxLength} ký tự.", "ApplicantAddress");
        return new Applicant(name, phone, email, address);
    }

    /// <summary>The last four digits of the phone, the second factor of the citizen lookup; null without a phone.</summary>
    public static string? PhoneTail(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? digits[^4..] : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One supplement request (NĐ 61 art. 19.4): requested, and completed when the applicant resubmits.</summary>
public sealed class DossierSupplement
{
    private DossierSupplement() { }

    internal DossierSupplement(int number, DateTime requestedAtUtc, string reason)
    {
        Number = number;
        RequestedAtUtc = requestedAtUtc;
        Reason = reason;
    }

    public int Id { get; private set; }
    public int DossierId { get; private set; }
    public int Number { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public string Reason { get; private set; } = "";

    internal void Complete(DateTime atUtc) => CompletedAtUtc = atUtc;

    internal void CopyFrom(DossierSupplement other)
    {
        RequestedAtUtc = other.RequestedAtUtc;
        CompletedAtUtc = other.CompletedAtUtc;
        Reason = other.Reason;
    }

    public SupplementRequest ToClock() => new(RequestedAtUtc, CompletedAtUtc);
}

/// <summary>
/// One unit's part of the processing (liên thông, TT 01/2018 art. 13 index 2): the unit, its share of the
/// working days, and when it took and handed on the dossier.
/// </summary>
public sealed class DossierStep
{
    private DossierStep() { }

    internal DossierStep(int number, int unitId, int workingDays, DateTime startedAtUtc)
    {
        Number = number;
        UnitId = unitId;
        WorkingDays = workingDays;
        StartedAtUtc = startedAtUtc;
    }

    public int Id { get; private set; }
    public int DossierId { get; private set; }
    public int Number { get; private set; }
    public int UnitId { get; private set; }
    public int WorkingDays { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }

    internal void Finish(DateTime atUtc) => FinishedAtUtc ??= atUtc;

    internal void CopyFrom(DossierStep other)
    {
        UnitId = other.UnitId;
        WorkingDays = other.WorkingDays;
        StartedAtUtc = other.StartedAtUtc;
        FinishedAtUtc = other.FinishedAtUtc;
    }
}

/// <summary>One line of the dossier's timeline (dossier_events): who did what, when, and the status change.</summary>
public sealed class DossierEvent
{
    public const int NoteMaxLength = 2000;
    public const int ExternalIdMaxLength = 100;

    private DossierEvent() { }

    internal DossierEvent(DateTime atUtc, string actor, int? actorUserId, int action, DossierStatus? from, DossierStatus? to,
        string? note, DossierEventSource source, string? externalId)
    {
        AtUtc = atUtc;
        Actor = actor;
        ActorUserId = actorUserId;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        Note = note;
        Source = source;
        ExternalId = externalId;
    }

    public long Id { get; private set; }
    public int DossierId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string Actor { get; private set; } = "";
    public int? ActorUserId { get; private set; }

    /// <summary>A <see cref="DossierAction"/> (0–99) or a <see cref="DossierEventKind"/> (100+), stored as a number.</summary>
    public int Action { get; private set; }

    public DossierStatus? FromStatus { get; private set; }
    public DossierStatus? ToStatus { get; private set; }
    public string? Note { get; private set; }
    public DossierEventSource Source { get; private set; }
    public string? ExternalId { get; private set; }

    internal void CopyStatuses(DossierEvent other)
    {
        FromStatus = other.FromStatus;
        ToStatus = other.ToStatus;
    }

    /// <summary>The Vietnamese wording of the entry, for the timeline and the citizen lookup.</summary>
    public string Describe() => Action switch
    {
        (int)DossierEventKind.Submit => "Nộp hồ sơ",
        (int)DossierEventKind.HandOff => "Chuyển xử lý liên thông",
        (int)DossierEventKind.ApologyDrafted => "Lập văn bản xin lỗi, hẹn lại ngày trả kết quả",
        (int)DossierEventKind.ApologySent => "Đã gửi văn bản xin lỗi cho người nộp",
        (int)DossierEventKind.Note => "Ghi chú",
        _ => DossierActions.Name((DossierAction)Action),
    };
}

/// <summary>Who did it and from where; the external id makes a pushed event idempotent.</summary>
public sealed record DossierActor(string Name, int? UserId, DossierEventSource Source, string? ExternalId = null);

/// <summary>Vietnamese names of the workflow actions, as buttons and timeline lines.</summary>
public static class DossierActions
{
    public static string Name(DossierAction action) => action switch
    {
        DossierAction.Receive => "Tiếp nhận hồ sơ",
        DossierAction.Refuse => "Từ chối tiếp nhận",
        DossierAction.StartProcessing => "Chuyển xử lý",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung hồ sơ",
        DossierAction.CompleteSupplement => "Nhận hồ sơ bổ sung",
        DossierAction.RequestPayment => "Yêu cầu thực hiện nghĩa vụ tài chính",
        DossierAction.CompletePayment => "Đã thực hiện nghĩa vụ tài chính",
        DossierAction.RequestWithdrawal => "Công dân yêu cầu rút hồ sơ",
        DossierAction.ConfirmWithdrawal => "Xác nhận rút hồ sơ",
        DossierAction.Stop => "Dừng xử lý (từ chối giải quyết)",
        DossierAction.Resolve => "Đã xử lý xong",
        DossierAction.Deliver => "Trả kết quả",
        _ => action.ToString(),
    };
}

/// <summary>
/// A dossier (hồ sơ thủ tục hành chính) received by a unit's one-stop desk, online or by post. Its status
/// only moves through <see cref="DossierWorkflow"/>; every change writes a timeline entry. Due dates come
/// from <see cref="DossierClock"/> under the rule set in force at receipt (domain-rules 0.1, A4–A7).
/// </summary>
public sealed class Dossier : IVersioned
{
    public const int CodeMaxLength = 60;
    public const int ReasonMaxLength = 2000;

    private readonly List<DossierSupplement> _supplements = [];
    private readonly List<DossierStep> _steps = [];
    private readonly List<DossierEvent> _events = [];

    private Dossier() { }

    private Dossier(string code, DateOnly codeDate, int sequence, Procedure procedure, int receivingUnitId, Applicant applicant,
        SubmissionChannel channel, DateTime submittedAtUtc, DossierRuleSet rules)
    {
        if (!Enum.IsDefined(channel)) throw new RuleViolation("Kênh nộp hồ sơ phải là trực tiếp (1), trực tuyến (2) hoặc bưu chính (3).", nameof(Channel));
        if (receivingUnitId <= 0) throw new RuleViolation("Vui lòng chọn đơn vị tiếp nhận.", nameof(ReceivingUnitId));
        if (string.IsNullOrWhiteSpace(code) || code.Length > CodeMaxLength) throw new RuleViolation("Mã hồ sơ không hợp lệ.", nameof(Code));
        var a = applicant.Checked();
        Code = code;
        CodeDate = codeDate;
        Sequence = sequence;
        ProcedureId = procedure.Id;
        ProcessingAmount = procedure.ProcessingAmount;
        ProcessingUnit = procedure.ProcessingUnit;
        ProcedureOnline = procedure.OnlineLevel is not (Procedures.OnlineLevel.None or Procedures.OnlineLevel.LegacyLevel2);
        FeeAmount = procedure.FeeAmount;
        ReceivingUnitId = receivingUnitId;
        ApplicantName = a.Name;
        ApplicantPhone = a.Phone;
        ApplicantEmail = a.Email;
        ApplicantAddress = a.Address;
        PhoneTail = Applicant.PhoneTail(a.Phone);
        Channel = channel;
        SubmittedAtUtc = submittedAtUtc;
        RuleSet = rules.Name;
        Status = DossierStatus.Submitted;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";

    /// <summary>The Vietnam date in the code and its sequence of the day (0 when the code came from another system).</summary>
    public DateOnly CodeDate { get; private set; }

    public int Sequence { get; private set; }
    public int ProcedureId { get; private set; }

    /// <summary>The procedure's time limit at receipt: a later catalogue change does not move this dossier's dates.</summary>
    public int ProcessingAmount { get; private set; }

    public ProcessingTimeUnit ProcessingUnit { get; private set; }
    public int ReceivingUnitId { get; private set; }
    public string ApplicantName { get; private set; } = "";
    public string? ApplicantPhone { get; private set; }
    public string? ApplicantEmail { get; private set; }
    public string? ApplicantAddress { get; private set; }

    /// <summary>Last four digits of the applicant's phone, compared by the citizen lookup.</summary>
    public string? PhoneTail { get; private set; }

    /// <summary>Papers handed in (one per line), printed on the receipt slip.</summary>
    public string? Papers { get; private set; }

    public SubmissionChannel Channel { get; private set; }
    public DateTime SubmittedAtUtc { get; private set; }

    /// <summary>When the desk accepted the dossier (status 2); the legal clock's first start. Null while only submitted online.</summary>
    public DateTime? ReceivedAtUtc { get; private set; }

    /// <summary>The due date as first computed (766 statistic, domain-rules A5).</summary>
    public DateOnly? OriginalDueDate { get; private set; }

    /// <summary>The legal due date: restarts on resubmission (NĐ 61 art. 19.4); null while the applicant owes papers.</summary>
    public DateOnly? DueDate { get; private set; }

    public DateTime? DueAtUtc { get; private set; }
    public DossierStatus Status { get; private set; }

    /// <summary>The name of the rule set in force at submission (NĐ 61/2018 or NĐ 118/2025).</summary>
    public string RuleSet { get; private set; } = "";

    public string? RefusalReason { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public DateTime? DeliveredAtUtc { get; private set; }

    /// <summary>Refused (3), stopped (8) or withdrawn: the end of processing when there is no result.</summary>
    public DateTime? StoppedAtUtc { get; private set; }

    public bool ResultElectronic { get; private set; }
    public bool ResultDigitised { get; private set; }
    public int? ResultFileId { get; private set; }
    public ReturnMethod? ReturnMethod { get; private set; }
    public bool ProcedureOnline { get; private set; }
    public long? FeeAmount { get; private set; }
    public bool PaidOnline { get; private set; }

    /// <summary>Processing passed between units (liên thông) and whether it went electronically.</summary>
    public bool InterAgency { get; private set; }

    public bool TransferredElectronically { get; private set; }

    /// <summary>The applicant had to hand in again papers or data the state already held (DossierOutcome.ResuppliedHeldData).</summary>
    public bool ResuppliedHeldData { get; private set; }

    public int SupplementCount { get; private set; }
    public DateTime? ApologyCreatedAtUtc { get; private set; }
    public DateOnly? ApologyNewDate { get; private set; }
    public DateTime? ApologySentAtUtc { get; private set; }
    public string? ApologyReason { get; private set; }

    /// <summary>The apology was drafted at least one working day before the due date (NĐ 61 art. 19.9).</summary>
    public bool? ApologyInTime { get; private set; }

    public bool IsDemo { get; private set; }
    public int Version { get; set; }

    // What this dossier has added to the indicator roll-ups, as last written: a change then adds exactly the
    // difference between this and its new stamp (docs/indicators.md "Dossier roll-ups").
    public int? RollupUnitId { get; private set; }
    public int? RollupProcedureId { get; private set; }
    public DateOnly? RollupReceivedOn { get; private set; }
    public DateOnly? RollupFinishedOn { get; private set; }
    public int RollupFlags { get; private set; }

    public DossierRollupStamp RollupStamp => RollupUnitId is { } unit
        ? new DossierRollupStamp(unit, RollupProcedureId ?? 0, RollupReceivedOn, RollupFinishedOn, RollupFlags)
        : DossierRollupStamp.None;

    public void StampRollup(DossierRollupStamp stamp)
    {
        RollupUnitId = stamp.IsEmpty ? null : stamp.UnitId;
        RollupProcedureId = stamp.IsEmpty ? null : stamp.ProcedureId;
        RollupReceivedOn = stamp.ReceivedOn;
        RollupFinishedOn = stamp.FinishedOn;
        RollupFlags = stamp.Flags;
    }

    public IReadOnlyList<DossierSupplement> Supplements => _supplements;
    public IReadOnlyList<DossierStep> Steps => _steps;
    public IReadOnlyList<DossierEvent> Events => _events;

    public ProcessingTime ProcessingTime => new(ProcessingAmount, ProcessingUnit);

    /// <summary>The date the applicant was told to come back: the rescheduled one when there is one.</summary>
    public DateOnly? AppointmentDate => ApologyNewDate ?? DueDate;

    /// <summary>The end of processing for timeliness (domain-rules A7).</summary>
    public DateTime? FinishedAtUtc => DossierClock.ProcessingEnd(ResolvedAtUtc, DeliveredAtUtc, StoppedAtUtc);

    /// <summary>
    /// A dossier received at the desk or by post (NĐ 61 art. 17.1c): it is received at once, its code is
    /// written with the code format of the rule set in force, and its due date is computed.
    /// </summary>
    public static Dossier Receive(string agencyCode, int sequence, Procedure procedure, int receivingUnitId, Applicant applicant,
        SubmissionChannel channel, DateTime atUtc, string? papers, DossierActor actor, DossierClock clock)
    {
        if (channel == SubmissionChannel.Online)
            throw new RuleViolation("Hồ sơ trực tuyến do người dân nộp trên cổng dịch vụ công, không tiếp nhận tại quầy.", nameof(Channel));
        var dossier = New(agencyCode, sequence, procedure, receivingUnitId, applicant, channel, atUtc, clock);
        dossier.SetPapers(papers);
        dossier.Transition(DossierAction.Receive, atUtc, actor, null);
        dossier.StartClock(atUtc, clock);
        return dossier;
    }

    /// <summary>A dossier submitted online (status 1): it has a code for tracking; the desk receives or refuses it.</summary>
    public static Dossier SubmitOnline(string agencyCode, int sequence, Procedure procedure, int receivingUnitId, Applicant applicant,
        DateTime atUtc, string? papers, DossierActor actor, DossierClock clock)
    {
        var dossier = New(agencyCode, sequence, procedure, receivingUnitId, applicant, SubmissionChannel.Online, atUtc, clock);
        dossier.SetPapers(papers);
        dossier.Record(DossierEventKind.Submit, atUtc, actor, null, null, DossierStatus.Submitted);
        return dossier;
    }

    /// <summary>
    /// A dossier pushed by a province's one-stop system under its own code (point 7): it starts as submitted
    /// and its status comes only from the pushed events.
    /// </summary>
    public static Dossier FromIntegration(string code, Procedure procedure, int receivingUnitId, Applicant applicant,
        SubmissionChannel channel, DateTime submittedAtUtc, DossierClock clock)
    {
        var rules = clock.RulesAt(submittedAtUtc);
        return new Dossier(code, VietnamTime.LocalDate(submittedAtUtc), 0, procedure, receivingUnitId, applicant, channel, submittedAtUtc, rules)
        {
            FromIntegrationSystem = true,
        };
    }

    /// <summary>The dossier is owned by a province system: its status changes only through that system's pushes.</summary>
    public bool FromIntegrationSystem { get; private set; }

    public void MarkDemo() => IsDemo = true;

    public void SetPapers(string? papers)
    {
        var text = string.IsNullOrWhiteSpace(papers) ? null : papers.Trim();
        if (text is { Length: > ReasonMaxLength }) throw new RuleViolation($"Danh mục giấy tờ tối đa {ReasonMaxLength} ký tự.", nameof(Papers));
        Papers = text;
    }

    /// <summary>Whether <paramref name="action"/> is offered now (the workflow table, plus the integration rule).</summary>
    public IEnumerable<DossierAction> AllowedActions() => DossierWorkflow.AllowedActions(Status);

    /// <summary>
    /// Applies a workflow action that needs no data of its own. Actions with data (refuse, supplement, resolve,
    /// deliver, stop) have their own methods, which this one calls with defaults only where none is needed.
    /// </summary>
    public void Act(DossierAction action, DateTime atUtc, DossierActor actor, string? note, DossierClock clock)
    {
        switch (action)
        {
            case DossierAction.Receive: ReceiveSubmitted(atUtc, actor, note, clock); break;
            case DossierAction.Refuse: Refuse(note ?? "", atUtc, actor); break;
            case DossierAction.RequestSupplement: RequestSupplement(note ?? "", atUtc, actor); break;
            case DossierAction.CompleteSupplement: Resubmit(atUtc, actor, note, clock); break;
            case DossierAction.Stop: Stop(note ?? "", atUtc, actor); break;
            case DossierAction.ConfirmWithdrawal: End(action, atUtc, actor, note); break;
            case DossierAction.Resolve: Resolve(atUtc, actor, note, electronic: false, digitised: false); break;
            case DossierAction.Deliver: Deliver(Dossiers.ReturnMethod.Desk, atUtc, actor, note); break;
            default: Transition(action, atUtc, actor, note); break;
        }
    }

    /// <summary>The desk accepts an online submission (NĐ 61 art. 17.1c; QĐ 3142 art. 11): the clock starts now.</summary>
    public void ReceiveSubmitted(DateTime atUtc, DossierActor actor, string? note, DossierClock clock)
    {
        Transition(DossierAction.Receive, atUtc, actor, note);
        StartClock(atUtc, clock);
    }

    /// <summary>NĐ 61 art. 17.1b: a refusal at intake states its reason.</summary>
    public void Refuse(string reason, DateTime atUtc, DossierActor actor)
    {
        var text = Reason(reason, "Vui lòng nêu lý do từ chối tiếp nhận hồ sơ.");
        Transition(DossierAction.Refuse, atUtc, actor, text);
        RefusalReason = text;
        StoppedAtUtc = atUtc;
    }

    /// <summary>NĐ 61 art. 19.8: a dossier found not eligible is stopped with the reason (Phiếu từ chối giải quyết).</summary>
    public void Stop(string reason, DateTime atUtc, DossierActor actor)
    {
        var text = Reason(reason, "Vui lòng nêu lý do dừng xử lý (từ chối giải quyết) hồ sơ.");
        End(DossierAction.Stop, atUtc, actor, text);
        RefusalReason = text;
    }

    /// <summary>NĐ 61 art. 19.4: the papers missing are listed once ("một lần đầy đủ"); the legal clock waits.</summary>
    public void RequestSupplement(string whatIsMissing, DateTime atUtc, DossierActor actor)
    {
        var text = Reason(whatIsMissing, "Vui lòng ghi rõ giấy tờ cần bổ sung, hoàn thiện (hướng dẫn một lần đầy đủ).");
        CheckNotBefore(atUtc, LastChangeAtUtc());
        Transition(DossierAction.RequestSupplement, atUtc, actor, text);
        Order();
        _supplements.Add(new DossierSupplement(_supplements.Count + 1, atUtc, text));
        SupplementCount = _supplements.Count;
        DueDate = null;
        DueAtUtc = null;
    }

    /// <summary>
    /// The complete dossier is received again: NĐ 61 art. 19.4 "thời hạn giải quyết được tính lại từ đầu" — the
    /// legal due date is computed afresh from now; the 766 reading keeps the original due date (DossierClock).
    /// </summary>
    public void Resubmit(DateTime atUtc, DossierActor actor, string? note, DossierClock clock)
    {
        if (Status != DossierStatus.AwaitingSupplement)
            throw new RuleViolation($"Chỉ nhận hồ sơ bổ sung khi hồ sơ đang chờ bổ sung; hồ sơ đang ở trạng thái «{DossierWorkflow.Name(Status)}».", nameof(Status));
        Order();
        var open = _supplements[^1];
        CheckNotBefore(atUtc, open.RequestedAtUtc);
        Transition(DossierAction.CompleteSupplement, atUtc, actor, note);
        open.Complete(atUtc);
        var due = clock.Due(atUtc, ProcessingTime);
        DueDate = due.Date;
        DueAtUtc = due.AtUtc;
    }

    public void Resolve(DateTime atUtc, DossierActor actor, string? note, bool electronic, bool digitised, int? resultFileId = null)
    {
        CheckNotBefore(atUtc, LastChangeAtUtc());
        Transition(DossierAction.Resolve, atUtc, actor, note);
        ResolvedAtUtc = atUtc;
        ResultElectronic = electronic;
        ResultDigitised = digitised;
        ResultFileId = resultFileId;
        foreach (var step in _steps) step.Finish(atUtc);
    }

    public void Deliver(ReturnMethod method, DateTime atUtc, DossierActor actor, string? note)
    {
        if (!Enum.IsDefined(method)) throw new RuleViolation("Hình thức trả kết quả phải là tại quầy, bưu chính hoặc trực tuyến.", nameof(ReturnMethod));
        CheckNotBefore(atUtc, LastChangeAtUtc());
        Transition(DossierAction.Deliver, atUtc, actor, note);
        DeliveredAtUtc = atUtc;
        ReturnMethod = method;
    }

    /// <summary>Records the indicator facts the desk knows (paid online, held data asked again, electronic transfer).</summary>
    public void SetServiceFacts(bool paidOnline, bool resuppliedHeldData, bool transferredElectronically)
    {
        PaidOnline = paidOnline;
        ResuppliedHeldData = resuppliedHeldData;
        TransferredElectronically = transferredElectronically;
    }

    /// <summary>
    /// Liên thông: the dossier is handed to another unit for its share of the working days (TT 01/2018 art. 13
    /// index 2). The previous step ends now. Only while the dossier is being processed.
    /// </summary>
    public void HandOff(int unitId, int workingDays, DateTime atUtc, DossierActor actor, string? note)
    {
        if (Status != DossierStatus.InProgress)
            throw new RuleViolation($"Chỉ chuyển xử lý liên thông khi hồ sơ đang xử lý; hồ sơ đang ở trạng thái «{DossierWorkflow.Name(Status)}».", nameof(Status));
        if (unitId <= 0) throw new RuleViolation("Vui lòng chọn đơn vị nhận xử lý.", "unitId");
        if (workingDays < 0 || workingDays > ProcessingAmount)
            throw new RuleViolation($"Số ngày làm việc của bước phải từ 0 đến {ProcessingAmount} (thời hạn của thủ tục).", nameof(workingDays));
        Order();
        if (_steps.Count > 0 && _steps[^1] is { FinishedAtUtc: null } current)
        {
            if (current.UnitId == unitId) throw new RuleViolation("Hồ sơ đang ở chính đơn vị này.", "unitId");
            current.Finish(atUtc);
        }
        if (_steps.Sum(s => s.WorkingDays) + workingDays > ProcessingAmount)
            throw new RuleViolation($"Tổng số ngày của các bước vượt thời hạn giải quyết {ProcessingAmount} ngày làm việc.", nameof(workingDays));

        _steps.Add(new DossierStep(_steps.Count + 1, unitId, workingDays, atUtc));
        InterAgency = _steps.Select(s => s.UnitId).Append(ReceivingUnitId).Distinct().Count() > 1;
        Record(DossierEventKind.HandOff, atUtc, actor, note, Status, Status);
    }

    /// <summary>
    /// NĐ 61 art. 19.9: a dossier that will be late gets an apology letter with one new return date. The
    /// reschedule happens once (DossierClock.Reschedule); a letter later than one working day before the due
    /// date is kept but marked late.
    /// </summary>
    public void DraftApology(string reason, DateOnly newDate, DateTime atUtc, DossierActor actor, DossierClock clock)
    {
        if (DossierWorkflow.EndsProcessing(Status) || Status == DossierStatus.Submitted)
            throw new RuleViolation("Chỉ lập văn bản xin lỗi cho hồ sơ đang giải quyết.", nameof(Status));
        if (DueDate is null || ReceivedAtUtc is null)
            throw new RuleViolation("Hồ sơ đang chờ bổ sung chưa có ngày hẹn trả để hẹn lại.", nameof(DueDate));
        var text = Reason(reason, "Vui lòng nêu lý do chậm trả kết quả.");
        var due = CurrentDue(clock);
        clock.Reschedule(due, newDate, ApologyCreatedAtUtc is null ? 0 : 1);
        ApologyCreatedAtUtc = atUtc;
        ApologyNewDate = newDate;
        ApologyReason = text;
        ApologyInTime = clock.ApologyInTime(due, atUtc);
        Record(DossierEventKind.ApologyDrafted, atUtc, actor, $"{text} Hẹn lại ngày {newDate:dd/MM/yyyy}.", Status, Status);
    }

    public void MarkApologySent(DateTime atUtc, DossierActor actor)
    {
        if (ApologyCreatedAtUtc is not { } created) throw new RuleViolation("Chưa lập văn bản xin lỗi.", nameof(ApologySentAtUtc));
        if (ApologySentAtUtc is not null) throw new RuleViolation("Văn bản xin lỗi đã được gửi.", nameof(ApologySentAtUtc));
        CheckNotBefore(atUtc, created);
        ApologySentAtUtc = atUtc;
        Record(DossierEventKind.ApologySent, atUtc, actor, null, Status, Status);
    }

    /// <summary>The clock's facts for this dossier; null before receipt.</summary>
    public DossierFacts? Facts() => ReceivedAtUtc is { } received
        ? new DossierFacts(received, ProcessingTime, null, [.. _supplements.OrderBy(s => s.Number).Select(s => s.ToClock())], FinishedAtUtc)
        : null;

    /// <summary>Both readings of the dossier's time (legal and 766); null before receipt.</summary>
    public DossierTimeline? Evaluate(DossierClock clock, DateTime asOfUtc) => Facts() is { } facts ? clock.Evaluate(facts, asOfUtc) : null;

    /// <summary>
    /// A late dossier whose applicant has not received an apology letter (NĐ 61 art. 19.9): overdue or due
    /// soon while open, or finished late, without a sent letter.
    /// </summary>
    public static bool NeedsApology(DossierTimeline? timeline, DateTime? apologySentAtUtc) =>
        apologySentAtUtc is null && timeline is not null
        && (timeline.Legal == Timeliness.Late || timeline.Live?.State is LiveState.Overdue or LiveState.DueSoon);

    /// <summary>The facts the indicator catalogue reads (DossierIndicators).</summary>
    public DossierOutcome ToOutcome(string? field, Timeliness? timeliness) => new(
        Id, field,
        Channel switch { SubmissionChannel.Online => DossierChannel.Online, SubmissionChannel.Post => DossierChannel.Postal, _ => DossierChannel.Desk },
        timeliness, ProcedureOnline, ReturnMethod == Dossiers.ReturnMethod.Post, ResolvedAtUtc is not null && Status is DossierStatus.Resolved or DossierStatus.Delivered,
        ResultDigitised, FeeAmount is > 0, PaidOnline, InterAgency, TransferredElectronically, ResuppliedHeldData, ApologySentAtUtc is not null);

    /// <summary>
    /// Applies a pushed status (national code) as the workflow action leading to it from the current status;
    /// status 1 on a submitted dossier only records the submission. A status the workflow cannot reach throws.
    /// </summary>
    public void ApplyPushedStatus(DossierStatus to, DateTime atUtc, DossierActor actor, string? note, DossierClock clock)
    {
        if (to == DossierStatus.Submitted && Status == DossierStatus.Submitted && _events.Count == 0)
        {
            Record(DossierEventKind.Submit, atUtc, actor, note, null, DossierStatus.Submitted);
            return;
        }

        var step = DossierWorkflow.Transitions.FirstOrDefault(t => t.From == Status && t.To == to)
            ?? throw new RuleViolation($"Không thể chuyển hồ sơ từ trạng thái «{DossierWorkflow.Name(Status)}» sang «{(Enum.IsDefined(to) ? DossierWorkflow.Name(to) : to.ToString())}».", "status");
        var reason = string.IsNullOrWhiteSpace(note) ? "Theo hệ thống một cửa của tỉnh." : note;
        switch (step.Action)
        {
            case DossierAction.Refuse: Refuse(reason, atUtc, actor); break;
            case DossierAction.Stop: Stop(reason, atUtc, actor); break;
            case DossierAction.RequestSupplement: RequestSupplement(reason, atUtc, actor); break;
            case DossierAction.Resolve: Resolve(atUtc, actor, note, electronic: false, digitised: false); break;
            case DossierAction.Deliver: Deliver(Dossiers.ReturnMethod.Desk, atUtc, actor, note); break;
            default: Act(step.Action, atUtc, actor, note, clock); break;
        }
    }

    /// <summary>
    /// Takes the state of <paramref name="replayed"/>, the same dossier rebuilt from its merged timeline
    /// (integration push with out-of-order events): scalars, supplements, steps, and the events' statuses;
    /// events new in the replay are added.
    /// </summary>
    public void AdoptStateOf(Dossier replayed)
    {
        if (replayed.Code != Code) throw new ArgumentException("Another dossier.", nameof(replayed));
        ProcedureId = replayed.ProcedureId;
        ProcessingAmount = replayed.ProcessingAmount;
        ProcessingUnit = replayed.ProcessingUnit;
        ProcedureOnline = replayed.ProcedureOnline;
        FeeAmount = replayed.FeeAmount;
        ApplicantName = replayed.ApplicantName;
        ApplicantPhone = replayed.ApplicantPhone;
        ApplicantEmail = replayed.ApplicantEmail;
        ApplicantAddress = replayed.ApplicantAddress;
        PhoneTail = replayed.PhoneTail;
        Papers = replayed.Papers;
        Channel = replayed.Channel;
        SubmittedAtUtc = replayed.SubmittedAtUtc;
        ReceivedAtUtc = replayed.ReceivedAtUtc;
        OriginalDueDate = replayed.OriginalDueDate;
        DueDate = replayed.DueDate;
        DueAtUtc = replayed.DueAtUtc;
        Status = replayed.Status;
        RuleSet = replayed.RuleSet;
        RefusalReason = replayed.RefusalReason;
        ResolvedAtUtc = replayed.ResolvedAtUtc;
        DeliveredAtUtc = replayed.DeliveredAtUtc;
        StoppedAtUtc = replayed.StoppedAtUtc;
        ResultElectronic = replayed.ResultElectronic;
        ResultDigitised = replayed.ResultDigitised;
        ReturnMethod = replayed.ReturnMethod;
        PaidOnline = replayed.PaidOnline;
        ResuppliedHeldData = replayed.ResuppliedHeldData;
        TransferredElectronically = replayed.TransferredElectronically;
        InterAgency = replayed.InterAgency;
        SupplementCount = replayed.SupplementCount;

        Order();
        replayed.Order();
        for (int i = 0; i < replayed._supplements.Count; i++)
        {
            if (i < _supplements.Count) _supplements[i].CopyFrom(replayed._supplements[i]);
            else _supplements.Add(new DossierSupplement(i + 1, replayed._supplements[i].RequestedAtUtc, replayed._supplements[i].Reason));
            if (replayed._supplements[i].CompletedAtUtc is { } done) _supplements[i].Complete(done);
        }
        if (_supplements.Count > replayed._supplements.Count) _supplements.RemoveRange(replayed._supplements.Count, _supplements.Count - replayed._supplements.Count);

        var mine = _events.Where(e => e.ExternalId is not null).ToDictionary(e => e.ExternalId!, StringComparer.Ordinal);
        foreach (var e in replayed._events)
        {
            if (e.ExternalId is not null && mine.TryGetValue(e.ExternalId, out var existing)) existing.CopyStatuses(e);
            else _events.Add(new DossierEvent(e.AtUtc, e.Actor, e.ActorUserId, e.Action, e.FromStatus, e.ToStatus, e.Note, e.Source, e.ExternalId));
        }
    }

    /// <summary>Sets the integration facts a province pushes along with the dossier.</summary>
    public void SetPushedFacts(bool paidOnline, bool resultDigitised, ReturnMethod? returnMethod)
    {
        PaidOnline = paidOnline;
        if (ResolvedAtUtc is not null) ResultDigitised = resultDigitised;
        if (DeliveredAtUtc is not null && returnMethod is { } m && Enum.IsDefined(m)) ReturnMethod = m;
    }

    /// <summary>The legal due date as the clock's value (with the receipt it was counted from).</summary>
    public DueDate CurrentDue(DossierClock clock)
    {
        var last = _supplements.OrderBy(s => s.Number).LastOrDefault(s => s.CompletedAtUtc is not null);
        var from = last?.CompletedAtUtc ?? ReceivedAtUtc ?? SubmittedAtUtc;
        return clock.Due(from, ProcessingTime);
    }

    private static Dossier New(string agencyCode, int sequence, Procedure procedure, int receivingUnitId, Applicant applicant,
        SubmissionChannel channel, DateTime atUtc, DossierClock clock)
    {
        if (atUtc.Kind != DateTimeKind.Utc) throw new ArgumentException("UTC expected.", nameof(atUtc));
        var rules = clock.RulesAt(atUtc);
        var day = VietnamTime.LocalDate(atUtc);
        // NĐ 61 art. 26 / TT 01/2018 art. 19, TT 03/2025 art. 13: the format of the rule set in force at receipt.
        var code = rules.CodeFormat.Format(agencyCode, day, sequence);
        return new Dossier(code, day, sequence, procedure, receivingUnitId, applicant, channel, atUtc, rules);
    }

    private void StartClock(DateTime atUtc, DossierClock clock)
    {
        ReceivedAtUtc = atUtc;
        var due = clock.Due(atUtc, ProcessingTime);
        OriginalDueDate = due.Date;
        DueDate = due.Date;
        DueAtUtc = due.AtUtc;
    }

    private void End(DossierAction action, DateTime atUtc, DossierActor actor, string? note)
    {
        CheckNotBefore(atUtc, LastChangeAtUtc());
        Transition(action, atUtc, actor, note);
        StoppedAtUtc = atUtc;
        foreach (var step in _steps) step.Finish(atUtc);
    }

    private void Transition(DossierAction action, DateTime atUtc, DossierActor actor, string? note)
    {
        var before = Status;
        var to = DossierWorkflow.Apply(Status, action);
        Status = to;
        _events.Add(new DossierEvent(atUtc, actor.Name, actor.UserId, (int)action, before, to, Clip(note), actor.Source, actor.ExternalId));
    }

    private void Record(DossierEventKind kind, DateTime atUtc, DossierActor actor, string? note, DossierStatus? from, DossierStatus? to)
    {
        _events.Add(new DossierEvent(atUtc, actor.Name, actor.UserId, (int)kind, from, to, Clip(note), actor.Source, actor.ExternalId));
    }

    // A database returns child rows in no promised order (PostgreSQL does reorder them): the rules that take "the
    // last supplement" or "the current step" put them in their numbered order first.
    private void Order()
    {
        static bool Sorted<T>(List<T> list, Func<T, int> number)
        {
            for (int i = 1; i < list.Count; i++)
                if (number(list[i - 1]) > number(list[i])) return false;
            return true;
        }
        if (!Sorted(_supplements, s => s.Number)) _supplements.Sort((a, b) => a.Number.CompareTo(b.Number));
        if (!Sorted(_steps, s => s.Number)) _steps.Sort((a, b) => a.Number.CompareTo(b.Number));
    }

    private DateTime LastChangeAtUtc() => _events.Count == 0 ? SubmittedAtUtc : _events.Max(e => e.AtUtc);

    private static void CheckNotBefore(DateTime atUtc, DateTime earliest)
    {
        if (atUtc < earliest)
            throw new RuleViolation("Thời điểm thao tác không thể trước thao tác trước đó của hồ sơ.", "at");
    }

    private static string Reason(string? text, string missing)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) throw new RuleViolation(missing, "reason");
        if (t.Length > ReasonMaxLength) throw new RuleViolation($"Nội dung tối đa {ReasonMaxLength} ký tự.", "reason");
        return t;
    }

    private static string? Clip(string? note)
    {
        var t = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return t is { Length: > DossierEvent.NoteMaxLength } ? t[..DossierEvent.NoteMaxLength] : t;
    }
}
