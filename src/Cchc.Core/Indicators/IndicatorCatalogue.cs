namespace Cchc.Core.Indicators;

public enum IndicatorKind
{
    /// <summary>A percentage: numerator ÷ denominator × 100.</summary>
    Rate,
    Minutes,

    /// <summary>A count over the period (dialogues per year): it only grows during the period.</summary>
    Count,
    Rank,
    Score,
}

/// <summary>Where a value comes from: the records the system keeps, or a figure entered with evidence.</summary>
public enum IndicatorSource
{
    Dossiers,
    Procedures,
    ProceduresAndDossiers,
    Ratings,
    Petitions,
    QueueTickets,
    Tasks,
    Reports,
    Plans,
    Inspections,
    Scoring,
    Entered,
}

public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

public sealed record IndicatorDefinition(
    string Code,
    string NameVi,
    string NameEn,
    IndicatorKind Kind,
    IndicatorSource Source,
    IndicatorDirection Direction)
{
    public bool IsComputed => Source != IndicatorSource.Entered;

    /// <summary>The unit targets on this indicator are written in (plan-import.md): "%", "minutes", "times", "rank", "points".</summary>
    public string Unit => Kind switch
    {
        IndicatorKind.Rate => "%",
        IndicatorKind.Minutes => "minutes",
        IndicatorKind.Count => "times",
        IndicatorKind.Rank => "rank",
        _ => "points",
    };
}

/// <summary>The canonical indicator codes (domain.md "Indicators the seeds commit to").</summary>
public static class IndicatorCodes
{
    public const string DossierOnTimeRate = "DOSSIER_ON_TIME_RATE";
    public const string DossierEarlyRate = "DOSSIER_EARLY_RATE";
    public const string DossierOnlineRate = "DOSSIER_ONLINE_RATE";
    public const string ProcedureOnlineCoverage = "PROCEDURE_ONLINE_COVERAGE";
    public const string ProcedureOnlineWithDossiers = "PROCEDURE_ONLINE_WITH_DOSSIERS";
    public const string ProcedurePostalCoverage = "PROCEDURE_POSTAL_COVERAGE";
    public const string DossierPostalReceiptRate = "DOSSIER_POSTAL_RECEIPT_RATE";
    public const string DossierPostalReturnRate = "DOSSIER_POSTAL_RETURN_RATE";
    public const string DossierDigitisedResultRate = "DOSSIER_DIGITISED_RESULT_RATE";
    public const string OnlinePaymentCoverage = "ONLINE_PAYMENT_COVERAGE";
    public const string OnlinePaymentRate = "ONLINE_PAYMENT_RATE";
    public const string InternalElectronicTransferRate = "INTERNAL_ELECTRONIC_TRANSFER_RATE";
    public const string DataReuseRate = "DATA_REUSE_RATE";
    public const string LateDossierApologyRate = "LATE_DOSSIER_APOLOGY_RATE";
    public const string DeskWaitMinutesAvg = "DESK_WAIT_MINUTES_AVG";
    public const string SatisfactionRate = "SATISFACTION_RATE";
    public const string RatingParticipationRate = "RATING_PARTICIPATION_RATE";
    public const string PetitionHandledRate = "PETITION_HANDLED_RATE";
    public const string ProcedurePublishedRate = "PROCEDURE_PUBLISHED_RATE";
    public const string ProcedureIsoRate = "PROCEDURE_ISO_RATE";
    public const string ProcedureEisoRate = "PROCEDURE_EISO_RATE";
    public const string TaskCompletionRate = "TASK_COMPLETION_RATE";
    public const string ReportOnTimeRate = "REPORT_ON_TIME_RATE";
    public const string UnitPlanSubmittedRate = "UNIT_PLAN_SUBMITTED_RATE";
    public const string InspectionCoverageRate = "INSPECTION_COVERAGE_RATE";
    public const string InspectionFindingsResolvedRate = "INSPECTION_FINDINGS_RESOLVED_RATE";
    public const string OnlineWorkfileRate = "ONLINE_WORKFILE_RATE";
    public const string EDocumentSignedRate = "E_DOCUMENT_SIGNED_RATE";
    public const string StaffTrainedRate = "STAFF_TRAINED_RATE";
    public const string StaffDataSkillsRate = "STAFF_DATA_SKILLS_RATE";
    public const string SelfFinancedUnitRate = "SELF_FINANCED_UNIT_RATE";
    public const string BusinessDialoguesPerYear = "BUSINESS_DIALOGUES_PER_YEAR";
    public const string ParIndexRank = "PAR_INDEX_RANK";
    public const string ParIndexScore = "PAR_INDEX_SCORE";
}

/// <summary>Every indicator a plan's target can measure, with its names, kind, source and direction.</summary>
public static class IndicatorCatalogue
{
    private const IndicatorKind Rate = IndicatorKind.Rate;
    private const IndicatorDirection Up = IndicatorDirection.HigherIsBetter;

    private static IndicatorDefinition D(string code, string vi, string en, IndicatorKind kind, IndicatorSource source, IndicatorDirection dir = Up) =>
        new(code, vi, en, kind, source, dir);

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        D(IndicatorCodes.DossierOnTimeRate, "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (gồm trước hạn)", "Dossiers resolved on time (incl. early)", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.DossierEarlyRate, "Tỷ lệ hồ sơ TTHC giải quyết trước hạn", "Dossiers resolved early", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.DossierOnlineRate, "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "Dossiers received online", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.ProcedureOnlineCoverage, "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến (một phần, toàn trình)", "Procedures offered online", Rate, IndicatorSource.Procedures),
        D(IndicatorCodes.ProcedureOnlineWithDossiers, "Tỷ lệ TTHC trực tuyến có phát sinh hồ sơ trực tuyến", "Online procedures that received online dossiers", Rate, IndicatorSource.ProceduresAndDossiers),
        D(IndicatorCodes.ProcedurePostalCoverage, "Tỷ lệ TTHC tiếp nhận, trả kết quả qua bưu chính công ích", "Procedures allowing postal receipt or return", Rate, IndicatorSource.Procedures),
        D(IndicatorCodes.DossierPostalReceiptRate, "Tỷ lệ hồ sơ tiếp nhận qua bưu chính công ích", "Dossiers received by post", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.DossierPostalReturnRate, "Tỷ lệ hồ sơ trả kết quả qua bưu chính công ích", "Results returned by post", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.DossierDigitisedResultRate, "Tỷ lệ số hóa kết quả giải quyết TTHC", "Results digitised", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.OnlinePaymentCoverage, "Tỷ lệ TTHC có nghĩa vụ tài chính được thanh toán trực tuyến", "Fee-bearing procedures payable online", Rate, IndicatorSource.Procedures),
        D(IndicatorCodes.OnlinePaymentRate, "Tỷ lệ hồ sơ thanh toán trực tuyến", "Dossiers paid online", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.InternalElectronicTransferRate, "Tỷ lệ hồ sơ luân chuyển nội bộ, liên thông bằng phương thức điện tử", "Dossiers passed between agencies electronically", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.DataReuseRate, "Tỷ lệ hồ sơ người dân không phải cung cấp lại thông tin, giấy tờ đã có", "Dossiers with no held data re-supplied", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.LateDossierApologyRate, "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi", "Late dossiers with an apology letter", Rate, IndicatorSource.Dossiers),
        D(IndicatorCodes.DeskWaitMinutesAvg, "Thời gian chờ trung bình tại Bộ phận Một cửa (phút)", "Average wait at the one-stop desk (minutes)", IndicatorKind.Minutes, IndicatorSource.QueueTickets, IndicatorDirection.LowerIsBetter),
        D(IndicatorCodes.SatisfactionRate, "Tỷ lệ người dân, tổ chức hài lòng", "Satisfied ratings", Rate, IndicatorSource.Ratings),
        D(IndicatorCodes.RatingParticipationRate, "Tỷ lệ hồ sơ được người dân đánh giá", "Resolved dossiers rated", Rate, IndicatorSource.Ratings),
        D(IndicatorCodes.PetitionHandledRate, "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "Petitions handled within their deadline", Rate, IndicatorSource.Petitions),
        D(IndicatorCodes.ProcedurePublishedRate, "Tỷ lệ TTHC được công khai đầy đủ, đúng quy định", "Procedures published", Rate, IndicatorSource.Procedures),
        D(IndicatorCodes.ProcedureIsoRate, "Tỷ lệ TTHC áp dụng hệ thống quản lý chất lượng ISO 9001", "Procedures with an ISO 9001 process", Rate, IndicatorSource.Procedures),
        D(IndicatorCodes.ProcedureEisoRate, "Tỷ lệ TTHC áp dụng ISO điện tử", "Procedures with an electronic ISO process", Rate, IndicatorSource.Procedures),
        D(IndicatorCodes.TaskCompletionRate, "Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn", "Plan tasks done on time", Rate, IndicatorSource.Tasks),
        D(IndicatorCodes.ReportOnTimeRate, "Tỷ lệ báo cáo định kỳ gửi đúng hạn", "Periodic reports submitted on time", Rate, IndicatorSource.Reports),
        D(IndicatorCodes.UnitPlanSubmittedRate, "Tỷ lệ đơn vị ban hành kế hoạch CCHC đúng hạn", "Subordinate units that issued their plan on time", Rate, IndicatorSource.Plans),
        D(IndicatorCodes.InspectionCoverageRate, "Tỷ lệ đơn vị trực thuộc được kiểm tra CCHC", "Subordinate units inspected", Rate, IndicatorSource.Inspections),
        D(IndicatorCodes.InspectionFindingsResolvedRate, "Tỷ lệ kiến nghị sau kiểm tra được thực hiện", "Post-inspection findings carried out", Rate, IndicatorSource.Inspections),
        D(IndicatorCodes.OnlineWorkfileRate, "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", "Work files processed online", Rate, IndicatorSource.Entered),
        D(IndicatorCodes.EDocumentSignedRate, "Tỷ lệ văn bản trao đổi dưới dạng điện tử có chữ ký số", "Documents exchanged electronically with a digital signature", Rate, IndicatorSource.Entered),
        D(IndicatorCodes.StaffTrainedRate, "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng", "Staff trained", Rate, IndicatorSource.Entered),
        D(IndicatorCodes.StaffDataSkillsRate, "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số, dữ liệu", "Staff trained in data skills", Rate, IndicatorSource.Entered),
        D(IndicatorCodes.SelfFinancedUnitRate, "Tỷ lệ đơn vị sự nghiệp tự đảm bảo chi thường xuyên", "Public units self-financing recurrent spending", Rate, IndicatorSource.Entered),
        D(IndicatorCodes.BusinessDialoguesPerYear, "Số cuộc đối thoại với doanh nghiệp, người dân trong năm", "Dialogues with businesses per year", IndicatorKind.Count, IndicatorSource.Entered),
        D(IndicatorCodes.ParIndexRank, "Thứ hạng Chỉ số CCHC", "PAR Index rank", IndicatorKind.Rank, IndicatorSource.Scoring, IndicatorDirection.LowerIsBetter),
        D(IndicatorCodes.ParIndexScore, "Điểm Chỉ số CCHC", "PAR Index score", IndicatorKind.Score, IndicatorSource.Scoring),
    ];

    private static readonly Dictionary<string, IndicatorDefinition> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    public static IndicatorDefinition? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var d) ? d : null;

    public static bool IsKnown(string? code) => Find(code) is not null;
}
