using Cchc.Core.Dossiers;
using Cchc.Core.Indicators;
using Cchc.Core.Plans;
using Cchc.Core.Scoring;

namespace Cchc.Core.Tests.Indicators;

/// <summary>Each computed indicator of the catalogue on a small hand-built data set, with its exact value.</summary>
public sealed class IndicatorFormulaTests
{
    private const string Secondary = "Giáo dục trung học";
    private const string Diplomas = "Văn bằng, chứng chỉ";

    // Six dossiers; the comment gives what each one counts in.
    private static readonly DossierOutcome[] Dossiers =
    [
        new(1, Secondary, DossierChannel.Online, Timeliness.Early, ProcedureOnline: true, ResultIssued: true, ResultDigitised: true, FeeBearing: true, PaidOnline: true),
        new(2, Secondary, DossierChannel.Desk, Timeliness.OnTime, ProcedureOnline: true, ReturnedByPost: true, ResultIssued: true, FeeBearing: true, InterAgency: true, TransferredElectronically: true),
        new(3, Secondary, DossierChannel.Postal, Timeliness.Late, ReturnedByPost: true, ResultIssued: true, ResultDigitised: true, InterAgency: true, ResuppliedHeldData: true, ApologySent: true),
        new(4, Diplomas, DossierChannel.Desk, Timeliness.Late, ProcedureOnline: true, ResultIssued: true),
        new(5, Diplomas, DossierChannel.Online, null, ProcedureOnline: true, FeeBearing: true, PaidOnline: true),   // still open
        new(6, Diplomas, DossierChannel.Desk, Timeliness.Early),                                                   // refused: no result
    ];

    public static TheoryData<string, double> DossierCases => new()
    {
        { "DOSSIER_ON_TIME_RATE", 3.0 / 5 * 100 },               // 1, 2, 6 of the resolved 1, 2, 3, 4, 6
        { "DOSSIER_EARLY_RATE", 2.0 / 5 * 100 },                 // 1, 6
        { "DOSSIER_ONLINE_RATE", 2.0 / 4 * 100 },                // 1, 5 of the online-offered 1, 2, 4, 5
        { "DOSSIER_POSTAL_RECEIPT_RATE", 1.0 / 6 * 100 },        // 3
        { "DOSSIER_POSTAL_RETURN_RATE", 2.0 / 4 * 100 },         // 2, 3 of the results 1–4
        { "DOSSIER_DIGITISED_RESULT_RATE", 2.0 / 4 * 100 },      // 1, 3
        { "ONLINE_PAYMENT_RATE", 2.0 / 3 * 100 },                // 1, 5 of the fee-bearing 1, 2, 5
        { "INTERNAL_ELECTRONIC_TRANSFER_RATE", 1.0 / 2 * 100 },  // 2 of the inter-agency 2, 3
        { "DATA_REUSE_RATE", 5.0 / 6 * 100 },                    // all but 3
        { "LATE_DOSSIER_APOLOGY_RATE", 1.0 / 2 * 100 },          // 3 of the late 3, 4
    };

    private static IndicatorValue DossierFormula(string code) => code switch
    {
        "DOSSIER_ON_TIME_RATE" => DossierIndicators.OnTimeRate(Dossiers),
        "DOSSIER_EARLY_RATE" => DossierIndicators.EarlyRate(Dossiers),
        "DOSSIER_ONLINE_RATE" => DossierIndicators.OnlineRate(Dossiers),
        "DOSSIER_POSTAL_RECEIPT_RATE" => DossierIndicators.PostalReceiptRate(Dossiers),
        "DOSSIER_POSTAL_RETURN_RATE" => DossierIndicators.PostalReturnRate(Dossiers),
        "DOSSIER_DIGITISED_RESULT_RATE" => DossierIndicators.DigitisedResultRate(Dossiers),
        "ONLINE_PAYMENT_RATE" => DossierIndicators.OnlinePaymentRate(Dossiers),
        "INTERNAL_ELECTRONIC_TRANSFER_RATE" => DossierIndicators.InternalElectronicTransferRate(Dossiers),
        "DATA_REUSE_RATE" => DossierIndicators.DataReuseRate(Dossiers),
        "LATE_DOSSIER_APOLOGY_RATE" => DossierIndicators.LateApologyRate(Dossiers),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    [Theory]
    [MemberData(nameof(DossierCases))]
    public void Dossier_indicators(string code, double expected)
    {
        var v = DossierFormula(code);
        Assert.Equal(code, v.Code);
        Assert.Equal(expected, v.Value!.Value, 9);
    }

    [Fact]
    public void On_time_rate_per_field()
    {
        var byField = DossierIndicators.ByField(Dossiers, DossierIndicators.OnTimeRate);
        Assert.Equal(2.0 / 3 * 100, byField[Secondary].Value!.Value, 9);
        Assert.Equal(50, byField[Diplomas].Value);
    }

    [Fact]
    public void No_resolved_dossier_means_no_on_time_rate() =>
        Assert.Null(DossierIndicators.OnTimeRate([Dossiers[4]]).Value);

    private static readonly ProcedureFacts[] Procedures =
    [
        new("P1", null, true, OnlineLevel.Full, PostalAllowed: true, FeeBearing: true, PayableOnline: true, Published: true, IsoProcess: true, ElectronicIso: true, OnlineDossiers: 3),
        new("P2", null, true, OnlineLevel.Partial, FeeBearing: true, Published: true, IsoProcess: true),
        new("P3", null, true, OnlineLevel.None, PostalAllowed: true, Published: true),
        new("P4", null, true, OnlineLevel.Information, FeeBearing: true, PayableOnline: true, IsoProcess: true),
        new("P5", null, false, OnlineLevel.Full, true, true, true, true, true, true, 5),   // abolished: counts nowhere
    ];

    public static TheoryData<string, double> ProcedureCases => new()
    {
        { "PROCEDURE_ONLINE_COVERAGE", 2.0 / 4 * 100 },        // P1, P2
        { "PROCEDURE_ONLINE_WITH_DOSSIERS", 1.0 / 2 * 100 },   // P1 of P1, P2
        { "PROCEDURE_POSTAL_COVERAGE", 2.0 / 4 * 100 },        // P1, P3
        { "ONLINE_PAYMENT_COVERAGE", 2.0 / 3 * 100 },          // P1, P4 of the fee-bearing P1, P2, P4
        { "PROCEDURE_PUBLISHED_RATE", 3.0 / 4 * 100 },         // P1, P2, P3
        { "PROCEDURE_ISO_RATE", 3.0 / 4 * 100 },               // P1, P2, P4
        { "PROCEDURE_EISO_RATE", 1.0 / 4 * 100 },              // P1
    };

    [Theory]
    [MemberData(nameof(ProcedureCases))]
    public void Procedure_indicators(string code, double expected)
    {
        var v = code switch
        {
            "PROCEDURE_ONLINE_COVERAGE" => ProcedureIndicators.OnlineCoverage(Procedures),
            "PROCEDURE_ONLINE_WITH_DOSSIERS" => ProcedureIndicators.OnlineWithDossiers(Procedures),
            "PROCEDURE_POSTAL_COVERAGE" => ProcedureIndicators.PostalCoverage(Procedures),
            "ONLINE_PAYMENT_COVERAGE" => ProcedureIndicators.OnlinePaymentCoverage(Procedures),
            "PROCEDURE_PUBLISHED_RATE" => ProcedureIndicators.PublishedRate(Procedures),
            "PROCEDURE_ISO_RATE" => ProcedureIndicators.IsoRate(Procedures),
            _ => ProcedureIndicators.ElectronicIsoRate(Procedures),
        };
        Assert.Equal(code, v.Code);
        Assert.Equal(expected, v.Value!.Value, 9);
    }

    private static readonly RatingFacts[] Ratings =
    [
        new(1, SatisfactionLevel.VerySatisfied),
        new(1, SatisfactionLevel.Satisfied),       // a second rating of dossier 1
        new(2, SatisfactionLevel.Normal),
        new(4, SatisfactionLevel.Dissatisfied),
        new(null, SatisfactionLevel.Satisfied),    // a survey answer, no dossier
        new(5, SatisfactionLevel.Satisfied),       // dossier 5 is still open
    ];

    [Fact]
    public void Satisfaction_rate_counts_satisfied_ratings() =>
        Assert.Equal(4.0 / 6 * 100, RatingIndicators.SatisfactionRate(Ratings).Value!.Value, 9);

    [Fact]
    public void Satisfaction_rate_may_count_normal_too()
    {
        // Seed 004: "≥ 95% hài lòng và bình thường".
        Assert.Equal(5.0 / 6 * 100, RatingIndicators.SatisfactionRate(Ratings, countNormal: true).Value!.Value, 9);
    }

    [Fact]
    public void Participation_rate_is_resolved_dossiers_rated() =>
        // Resolved: 1, 2, 3, 4, 6; rated among them: 1, 2, 4.
        Assert.Equal(60, RatingIndicators.ParticipationRate(Ratings, Dossiers).Value!.Value, 9);

    [Fact]
    public void Petition_rate_counts_answered_and_past_due_petitions()
    {
        var today = new DateOnly(2022, 6, 30);
        PetitionFacts[] petitions =
        [
            new(new(2022, 6, 1), new(2022, 6, 21), new(2022, 6, 20)),   // on time
            new(new(2022, 6, 1), new(2022, 6, 21), new(2022, 6, 22)),   // late
            new(new(2022, 6, 3), new(2022, 6, 25), null),               // overdue
            new(new(2022, 6, 20), new(2022, 7, 10), null),              // still within time: not counted
            new(new(2022, 6, 20), new(2022, 7, 10), new(2022, 6, 29)),  // on time
        ];
        var v = ServiceIndicators.PetitionHandledRate(petitions, today);
        Assert.Equal((2.0, 4.0, 50.0), (v.Numerator!.Value, v.Denominator!.Value, v.Value!.Value));
    }

    [Fact]
    public void Desk_wait_is_the_average_over_called_tickets()
    {
        var day = new DateTime(2022, 3, 1, 1, 0, 0, DateTimeKind.Utc);
        QueueTicketFacts[] tickets =
        [
            new(day, day.AddMinutes(10)),
            new(day.AddMinutes(5), day.AddMinutes(40)),
            new(day.AddMinutes(20), null),                       // left before being called
            new(day.AddMinutes(60), day.AddMinutes(75)),
        ];
        Assert.Equal(20, ServiceIndicators.DeskWaitMinutes(tickets).Value);   // (10 + 35 + 15) / 3
    }

    private static readonly InspectionFacts[] Inspections =
    [
        new(1, new(2022, 4, 1), false, Findings: 4, FindingsResolved: 3),
        new(1, new(2022, 9, 1), false),               // unit 1 again: counts once
        new(2, new(2022, 5, 1), true),                // self-inspection
        new(3, new(2021, 11, 1), false),              // last year
        new(4, new(2022, 10, 1), false, Findings: 6, FindingsResolved: 6),
        new(99, new(2022, 10, 1), false),             // not a subordinate unit
    ];

    [Fact]
    public void Inspection_coverage_is_subordinate_units_inspected_this_year() =>
        Assert.Equal(20, ServiceIndicators.InspectionCoverage(Enumerable.Range(1, 10), Inspections, 2022).Value);

    [Fact]
    public void Findings_resolved_rate_sums_findings()
    {
        // Seed 000: 90% of post-inspection decisions carried out.
        Assert.Equal(90, ServiceIndicators.FindingsResolvedRate(Inspections).Value);
    }

    [Fact]
    public void Report_rate_counts_submitted_and_past_due_reports()
    {
        // Seed 003's schedule: Q1 before 05/3, six months before 05/6, Q3 before 05/9.
        ReportFacts[] reports =
        [
            new(new(2022, 3, 5), new(2022, 3, 4)),
            new(new(2022, 6, 5), new(2022, 6, 7)),
            new(new(2022, 9, 5), null),
        ];
        Assert.Equal(50, ServiceIndicators.ReportOnTimeRate(reports, new DateOnly(2022, 6, 10)).Value);
    }

    [Fact]
    public void Task_completion_rate_is_done_on_time_over_due()
    {
        var q1 = new DateOnly(2019, 3, 31);
        TaskFacts[] tasks =
        [
            new(PlanTaskStatus.Done, q1, new DateOnly(2019, 3, 1)),
            new(PlanTaskStatus.Done, q1, new DateOnly(2019, 4, 1)),
            new(PlanTaskStatus.InProgress, q1, null),
            new(PlanTaskStatus.InProgress, new DateOnly(2019, 12, 31), null),
            new(PlanTaskStatus.Cancelled, q1, null),
        ];
        var v = PlanIndicators.TaskCompletionRate(tasks, new DateOnly(2019, 6, 1));
        Assert.Equal((1.0, 3.0), (v.Numerator!.Value, v.Denominator!.Value));
    }

    [Fact]
    public void Unit_plan_rate_is_units_on_time_over_units_due()
    {
        ChildPlanState[] units =
        [
            new(1, ChildPlanStatus.IssuedOnTime, 11, new DateOnly(2019, 2, 8)),
            new(2, ChildPlanStatus.IssuedLate, 12, new DateOnly(2019, 2, 15)),
            new(3, ChildPlanStatus.NotIssuedOverdue, null, null),
            new(4, ChildPlanStatus.NotYetDue, null, null),
        ];
        var v = PlanIndicators.UnitPlanSubmittedRate(units);
        Assert.Equal((1.0, 3.0), (v.Numerator!.Value, v.Denominator!.Value));
    }

    [Fact]
    public void Every_computed_indicator_has_a_formula_returning_its_code()
    {
        var today = new DateOnly(2022, 6, 30);
        IndicatorValue[] values =
        [
            .. DossierCases.Select(c => DossierFormula(c.Data.Item1)),
            ProcedureIndicators.OnlineCoverage(Procedures), ProcedureIndicators.OnlineWithDossiers(Procedures),
            ProcedureIndicators.PostalCoverage(Procedures), ProcedureIndicators.OnlinePaymentCoverage(Procedures),
            ProcedureIndicators.PublishedRate(Procedures), ProcedureIndicators.IsoRate(Procedures), ProcedureIndicators.ElectronicIsoRate(Procedures),
            RatingIndicators.SatisfactionRate(Ratings), RatingIndicators.ParticipationRate(Ratings, Dossiers),
            ServiceIndicators.PetitionHandledRate([], today), ServiceIndicators.DeskWaitMinutes([]),
            ServiceIndicators.InspectionCoverage([], Inspections, 2022), ServiceIndicators.FindingsResolvedRate(Inspections),
            ServiceIndicators.ReportOnTimeRate([], today),
            PlanIndicators.TaskCompletionRate([], today), PlanIndicators.UnitPlanSubmittedRate([]),
            new Scorecard(new("T", "T", 2022, [CriterionNode.Leaf("1", "A", 1)]), 1).ToIndicator(ScoreStage.Self),
        ];
        var covered = values.Select(v => v.Code).Append(IndicatorCodes.ParIndexRank).Order().ToList();   // the rank comes from Scoring.Ranking
        var computed = IndicatorCatalogue.All.Where(d => d.IsComputed).Select(d => d.Code).Order().ToList();
        Assert.Equal(computed, covered);
    }
}
