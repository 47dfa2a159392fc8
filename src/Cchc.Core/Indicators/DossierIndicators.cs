using Cchc.Core.Dossiers;
using C = Cchc.Core.Indicators.IndicatorCodes;

namespace Cchc.Core.Indicators;

/// <summary>Indicators computed from the dossiers received in a period (domain.md catalogue).</summary>
public static class DossierIndicators
{
    /// <summary>Early + on time ÷ resolved: "đúng hạn" includes "trước hạn" (domain.md; TT 01/2018 art. 13).</summary>
    public static IndicatorValue OnTimeRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.DossierOnTimeRate, dossiers, d => d.Resolved, d => d.Timeliness is Timeliness.Early or Timeliness.OnTime);

    public static IndicatorValue EarlyRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.DossierEarlyRate, dossiers, d => d.Resolved, d => d.Timeliness is Timeliness.Early);

    /// <summary>Online ÷ received, counting only dossiers of procedures offered online (domain.md).</summary>
    public static IndicatorValue OnlineRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.DossierOnlineRate, dossiers, d => d.ProcedureOnline, d => d.Channel == DossierChannel.Online);

    public static IndicatorValue PostalReceiptRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.DossierPostalReceiptRate, dossiers, _ => true, d => d.Channel == DossierChannel.Postal);

    /// <summary>Results returned by post ÷ results issued.</summary>
    public static IndicatorValue PostalReturnRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.DossierPostalReturnRate, dossiers, d => d.ResultIssued, d => d.ReturnedByPost);

    public static IndicatorValue DigitisedResultRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.DossierDigitisedResultRate, dossiers, d => d.ResultIssued, d => d.ResultDigitised);

    /// <summary>Dossiers paid online ÷ dossiers of fee-bearing procedures (766 indicator 3.6).</summary>
    public static IndicatorValue OnlinePaymentRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.OnlinePaymentRate, dossiers, d => d.FeeBearing, d => d.PaidOnline);

    public static IndicatorValue InternalElectronicTransferRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.InternalElectronicTransferRate, dossiers, d => d.InterAgency, d => d.TransferredElectronically);

    /// <summary>Dossiers for which the applicant re-supplied nothing the state already held ÷ received.</summary>
    public static IndicatorValue DataReuseRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.DataReuseRate, dossiers, _ => true, d => !d.ResuppliedHeldData);

    /// <summary>Late dossiers with an apology letter ÷ late dossiers (NĐ 61 art. 19.9; seed 004: 100%).</summary>
    public static IndicatorValue LateApologyRate(IEnumerable<DossierOutcome> dossiers) =>
        IndicatorValue.RateOf(C.LateDossierApologyRate, dossiers, d => d.Timeliness == Timeliness.Late, d => d.ApologySent);

    /// <summary>
    /// One formula per field (lĩnh vực), for a target with a per-group minimum (seed 004: "không có lĩnh vực
    /// nào dưới 95%"). Dossiers without a field are grouped under "".
    /// </summary>
    public static IReadOnlyDictionary<string, IndicatorValue> ByField(
        IEnumerable<DossierOutcome> dossiers, Func<IEnumerable<DossierOutcome>, IndicatorValue> formula) =>
        dossiers.GroupBy(d => d.Field ?? "").ToDictionary(g => g.Key, g => formula(g), StringComparer.Ordinal);
}

/// <summary>Indicators computed from the procedure catalogue; only procedures in force count.</summary>
public static class ProcedureIndicators
{
    /// <summary>Procedures offered online (một phần or toàn trình, old levels 3/4) ÷ procedures.</summary>
    public static IndicatorValue OnlineCoverage(IEnumerable<ProcedureFacts> procedures) =>
        IndicatorValue.RateOf(C.ProcedureOnlineCoverage, procedures, p => p.InForce, p => p.OfferedOnline);

    /// <summary>Online procedures that received at least one online dossier ÷ online procedures (seed 004: 80%).</summary>
    public static IndicatorValue OnlineWithDossiers(IEnumerable<ProcedureFacts> procedures) =>
        IndicatorValue.RateOf(C.ProcedureOnlineWithDossiers, procedures, p => p.InForce && p.OfferedOnline, p => p.OnlineDossiers > 0);

    public static IndicatorValue PostalCoverage(IEnumerable<ProcedureFacts> procedures) =>
        IndicatorValue.RateOf(C.ProcedurePostalCoverage, procedures, p => p.InForce, p => p.PostalAllowed);

    /// <summary>Fee-bearing procedures payable online ÷ fee-bearing procedures (766 indicator 3.5).</summary>
    public static IndicatorValue OnlinePaymentCoverage(IEnumerable<ProcedureFacts> procedures) =>
        IndicatorValue.RateOf(C.OnlinePaymentCoverage, procedures, p => p.InForce && p.FeeBearing, p => p.PayableOnline);

    public static IndicatorValue PublishedRate(IEnumerable<ProcedureFacts> procedures) =>
        IndicatorValue.RateOf(C.ProcedurePublishedRate, procedures, p => p.InForce, p => p.Published);

    public static IndicatorValue IsoRate(IEnumerable<ProcedureFacts> procedures) =>
        IndicatorValue.RateOf(C.ProcedureIsoRate, procedures, p => p.InForce, p => p.IsoProcess);

    public static IndicatorValue ElectronicIsoRate(IEnumerable<ProcedureFacts> procedures) =>
        IndicatorValue.RateOf(C.ProcedureEisoRate, procedures, p => p.InForce, p => p.ElectronicIso);
}

/// <summary>Indicators computed from citizens' ratings.</summary>
public static class RatingIndicators
{
    /// <summary>
    /// (Very) satisfied ÷ ratings; with <paramref name="countNormal"/> "bình thường" counts as well, as where a
    /// plan says so (seed 004: "≥ 95% hài lòng và bình thường").
    /// </summary>
    public static IndicatorValue SatisfactionRate(IEnumerable<RatingFacts> ratings, bool countNormal = false) =>
        IndicatorValue.RateOf(C.SatisfactionRate, ratings, _ => true,
            r => r.Level is SatisfactionLevel.VerySatisfied or SatisfactionLevel.Satisfied || (countNormal && r.Level == SatisfactionLevel.Normal));

    /// <summary>Resolved dossiers with at least one rating ÷ resolved dossiers (seed 004: ≥ 40%).</summary>
    public static IndicatorValue ParticipationRate(IEnumerable<RatingFacts> ratings, IEnumerable<DossierOutcome> dossiers)
    {
        var rated = ratings.Where(r => r.DossierId is not null).Select(r => r.DossierId!.Value).ToHashSet();
        return IndicatorValue.RateOf(C.RatingParticipationRate, dossiers, d => d.Resolved, d => rated.Contains(d.Id));
    }
}

/// <summary>Indicators computed from petitions, the desk's queue, inspections and reports.</summary>
public static class ServiceIndicators
{
    /// <summary>
    /// Answered by the due date ÷ petitions due: answered ones, and unanswered ones past their due date. A
    /// petition still within its time counts in neither, so a fresh petition does not lower the rate.
    /// </summary>
    public static IndicatorValue PetitionHandledRate(IEnumerable<PetitionFacts> petitions, DateOnly today) =>
        IndicatorValue.RateOf(C.PetitionHandledRate, petitions,
            p => p.AnsweredOn is not null || today > p.Due, p => p.AnsweredOn is { } a && a <= p.Due);

    /// <summary>Average minutes from ticket to call, over called tickets (seed 003: ≤ 30 minutes).</summary>
    public static IndicatorValue DeskWaitMinutes(IEnumerable<QueueTicketFacts> tickets)
    {
        double sum = 0;
        var count = 0;
        foreach (var t in tickets)
        {
            if (t.CalledAtUtc is not { } called) continue;
            sum += Math.Max(0, (called - t.IssuedAtUtc).TotalMinutes);
            count++;
        }
        return IndicatorValue.Average(C.DeskWaitMinutesAvg, sum, count);
    }

    /// <summary>
    /// Subordinate units inspected by their parent in <paramref name="year"/> ÷ subordinate units (seeds 002,
    /// 003: ≥ 30%). Self-inspections do not count; a unit inspected twice counts once.
    /// </summary>
    public static IndicatorValue InspectionCoverage(IEnumerable<int> subordinateUnitIds, IEnumerable<InspectionFacts> inspections, int year)
    {
        var inspected = inspections.Where(i => !i.SelfInspection && i.On.Year == year).Select(i => i.InspectedUnitId).ToHashSet();
        return IndicatorValue.RateOf(C.InspectionCoverageRate, subordinateUnitIds.Distinct(), _ => true, inspected.Contains);
    }

    /// <summary>Findings carried out ÷ findings, over all inspections (seed 000: 90%).</summary>
    public static IndicatorValue FindingsResolvedRate(IEnumerable<InspectionFacts> inspections)
    {
        double findings = 0, resolved = 0;
        foreach (var i in inspections)
        {
            findings += Math.Max(0, i.Findings);
            resolved += Math.Clamp(i.FindingsResolved, 0, Math.Max(0, i.Findings));
        }
        return IndicatorValue.Rate(C.InspectionFindingsResolvedRate, resolved, findings);
    }

    /// <summary>Reports submitted by their due date ÷ reports due (submitted ones, and unsubmitted ones past due; domain-rules E1.2).</summary>
    public static IndicatorValue ReportOnTimeRate(IEnumerable<ReportFacts> reports, DateOnly today) =>
        IndicatorValue.RateOf(C.ReportOnTimeRate, reports,
            r => r.SubmittedOn is not null || today > r.Due, r => r.SubmittedOn is { } s && s <= r.Due);
}
