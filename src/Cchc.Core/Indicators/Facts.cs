using Cchc.Core.Dossiers;

namespace Cchc.Core.Indicators;

// The plain inputs of the indicator formulas. The web layer fills them from its queries (or roll-ups);
// each record holds only what the formulas read, already decided by the rules that own it (a dossier's
// timeliness comes from DossierClock, a petition's due date from its SLA).

public enum DossierChannel
{
    /// <summary>Trực tiếp at the one-stop desk.</summary>
    Desk,

    /// <summary>Trực tuyến (một phần or toàn trình).</summary>
    Online,

    /// <summary>Bưu chính công ích.</summary>
    Postal,
}

/// <summary>
/// One dossier received in the period. <see cref="Timeliness"/> is null while it is not resolved.
/// <see cref="ProcedureOnline"/>: its procedure was offered online (level 3/4) when it was received.
/// <see cref="ResultIssued"/>: a result document was issued (not a refusal).
/// <see cref="InterAgency"/>: processing passed between agencies (liên thông).
/// <see cref="ResuppliedHeldData"/>: the applicant had to hand in again papers or data the state already held.
/// </summary>
public sealed record DossierOutcome(
    int Id,
    string? Field,
    DossierChannel Channel,
    Timeliness? Timeliness,
    bool ProcedureOnline = false,
    bool ReturnedByPost = false,
    bool ResultIssued = false,
    bool ResultDigitised = false,
    bool FeeBearing = false,
    bool PaidOnline = false,
    bool InterAgency = false,
    bool TransferredElectronically = false,
    bool ResuppliedHeldData = false,
    bool ApologySent = false)
{
    public bool Resolved => Timeliness is not null;
}

/// <summary>Online service level of a procedure (domain-rules C1; NĐ 42/2022: một phần = old level 3, toàn trình = old level 4).</summary>
public enum OnlineLevel
{
    None,
    Information,
    Partial,
    Full,
}

/// <summary>
/// One procedure (TTHC) of the unit's catalogue. Only procedures in force count. <see cref="OnlineDossiers"/>
/// is the number of online dossiers it received in the period.
/// </summary>
public sealed record ProcedureFacts(
    string Code,
    string? Field,
    bool InForce,
    OnlineLevel OnlineLevel,
    bool PostalAllowed = false,
    bool FeeBearing = false,
    bool PayableOnline = false,
    bool Published = false,
    bool IsoProcess = false,
    bool ElectronicIso = false,
    int OnlineDossiers = 0)
{
    public bool OfferedOnline => OnlineLevel is OnlineLevel.Partial or OnlineLevel.Full;
}

/// <summary>The five levels kiosks and forms ask for (domain-rules F).</summary>
public enum SatisfactionLevel
{
    VerySatisfied,
    Satisfied,
    Normal,
    Dissatisfied,
    VeryDissatisfied,
}

/// <summary>One rating; <see cref="DossierId"/> is null for a rating not tied to a dossier (a general survey).</summary>
public sealed record RatingFacts(int? DossierId, SatisfactionLevel Level);

/// <summary>One petition (phản ánh, kiến nghị) with the day its answer is due (domain-rules G1: 15 working days).</summary>
public sealed record PetitionFacts(DateOnly ReceivedOn, DateOnly Due, DateOnly? AnsweredOn);

/// <summary>One ticket of the desk's queue: taken, then called to a counter (null while waiting or abandoned).</summary>
public sealed record QueueTicketFacts(DateTime IssuedAtUtc, DateTime? CalledAtUtc);

/// <summary>One inspection of a unit: by its parent, or by itself (tự kiểm tra); its findings and those carried out.</summary>
public sealed record InspectionFacts(int InspectedUnitId, DateOnly On, bool SelfInspection, int Findings = 0, int FindingsResolved = 0);

/// <summary>One periodic report a unit owes (chế độ báo cáo).</summary>
public sealed record ReportFacts(DateOnly Due, DateOnly? SubmittedOn);
