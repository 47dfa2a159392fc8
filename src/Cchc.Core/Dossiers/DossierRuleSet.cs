using Cchc.Core.Calendar;
using Cchc.Core.Common;

namespace Cchc.Core.Dossiers;

/// <summary>The forms the one-stop desk issues for a dossier (TT 01/2018 art. 9; TT 03/2025 Phụ lục I).</summary>
public enum DossierFormKind
{
    ReceiptSlip,
    SupplementRequest,
    Refusal,
    Apology,
    StopNotice,
    ControlSheet,
    Register,
}

/// <summary>A form of the rule set: its number in the circular ("Mẫu 01") and its Vietnamese name.</summary>
public sealed record DossierForm(string Number, string Name);

/// <summary>
/// The one-stop rules in force from <see cref="EffectiveFrom"/> (domain-rules 0.1: a dossier is processed
/// under the rules in force on its receipt date). Everything a decree may change is a value here.
/// </summary>
public sealed record DossierRuleSet(
    string Name,
    DateOnly EffectiveFrom,
    string LegalBasis,
    IReadOnlyDictionary<DossierFormKind, DossierForm> Forms,
    DossierCodeFormat CodeFormat,
    int SupplementRequestWithinWorkingDays,
    int ApologyWorkingDaysBeforeDue,
    int MaxReschedules)
{
    /// <summary>NĐ 61 art. 18.3: a paper dossier received after this time is transferred at the start of the next working day.</summary>
    public TimeOnly TransferCutOff { get; init; } = new(15, 0);

    public DossierForm Form(DossierFormKind kind) =>
        Forms.TryGetValue(kind, out var form)
            ? form
            : throw new RuleViolation($"Quy định theo {Name} không có mẫu {FormDescription(kind)}.");

    private static string FormDescription(DossierFormKind kind) => kind switch
    {
        DossierFormKind.ReceiptSlip => "giấy tiếp nhận hồ sơ",
        DossierFormKind.SupplementRequest => "phiếu yêu cầu bổ sung",
        DossierFormKind.Refusal => "phiếu từ chối",
        DossierFormKind.Apology => "văn bản xin lỗi",
        DossierFormKind.StopNotice => "thông báo dừng giải quyết hồ sơ",
        DossierFormKind.ControlSheet => "phiếu kiểm soát",
        _ => "sổ theo dõi hồ sơ",
    };
}

/// <summary>The rule sets over time; picks the one in force at a receipt instant.</summary>
public sealed class DossierRuleBook
{
    private readonly DossierRuleSet[] _sets;

    public DossierRuleBook(IEnumerable<DossierRuleSet> sets)
    {
        _sets = [.. sets.OrderBy(s => s.EffectiveFrom)];
        if (_sets.Length == 0)
        {
            throw new ArgumentException("At least one dossier rule set is needed.", nameof(sets));
        }
    }

    public IReadOnlyList<DossierRuleSet> Sets => _sets;

    /// <summary>
    /// The set in force on the Vietnam date of <paramref name="receivedAtUtc"/>. Dossiers older than the
    /// first set are read under the first one (the product keeps no earlier rules).
    /// </summary>
    public DossierRuleSet InForceAt(DateTime receivedAtUtc) => InForceOn(VietnamTime.LocalDate(receivedAtUtc));

    public DossierRuleSet InForceOn(DateOnly localDate)
    {
        for (int i = _sets.Length - 1; i > 0; i--)
        {
            if (_sets[i].EffectiveFrom <= localDate)
            {
                return _sets[i];
            }
        }

        return _sets[0];
    }
}

/// <summary>The one-stop rule sets of Vietnam as shipped.</summary>
public static class VietnamDossierRules
{
    /// <summary>NĐ 61/2018/NĐ-CP (eff. 21/06/2018, amended by NĐ 107/2021) with TT 01/2018/TT-VPCP.</summary>
    public static DossierRuleSet Decree61 { get; } = new(
        "Nghị định 61/2018/NĐ-CP",
        new DateOnly(2018, 6, 21),
        "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP); Thông tư 01/2018/TT-VPCP",
        new Dictionary<DossierFormKind, DossierForm>
        {
            // TT 01/2018 art. 9, Mẫu 01–06 (domain-rules A9).
            [DossierFormKind.ReceiptSlip] = new("Mẫu 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            [DossierFormKind.SupplementRequest] = new("Mẫu 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            [DossierFormKind.Refusal] = new("Mẫu 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            [DossierFormKind.Apology] = new("Mẫu 04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
            [DossierFormKind.ControlSheet] = new("Mẫu 05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            [DossierFormKind.Register] = new("Mẫu 06", "Sổ theo dõi hồ sơ"),
        },
        DossierCodeFormat.Decree61,
        SupplementRequestWithinWorkingDays: 3, // NĐ 61 art. 19.4
        ApologyWorkingDaysBeforeDue: 1,        // NĐ 61 art. 19.9
        MaxReschedules: 1);                    // NĐ 61 art. 19.9: "chỉ được hẹn lại một lần"

    /// <summary>
    /// NĐ 118/2025/NĐ-CP (eff. 01/07/2025, amended by NĐ 367/2025) with TT 03/2025/TT-VPCP (forms) and
    /// TT 04/2025/TT-VPCP (national-platform dossier code from 25/01/2026). The 3-day supplement limit, the
    /// one-day apology lead and the single rescheduling are carried over from NĐ 61 ⚠️ (domain-rules: confirm
    /// against NĐ 118's text).
    /// </summary>
    public static DossierRuleSet Decree118 { get; } = new(
        "Nghị định 118/2025/NĐ-CP",
        new DateOnly(2025, 7, 1),
        "Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP); Thông tư 03/2025/TT-VPCP, Thông tư 04/2025/TT-VPCP",
        new Dictionary<DossierFormKind, DossierForm>
        {
            // TT 03/2025 Phụ lục I, Mẫu 01–07 (domain-rules A9); Mẫu 05 is new.
            [DossierFormKind.ReceiptSlip] = new("Mẫu 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
            [DossierFormKind.SupplementRequest] = new("Mẫu 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
            [DossierFormKind.Refusal] = new("Mẫu 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
            [DossierFormKind.Apology] = new("Mẫu 04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
            [DossierFormKind.StopNotice] = new("Mẫu 05", "Thông báo dừng giải quyết hồ sơ"),
            [DossierFormKind.ControlSheet] = new("Mẫu 06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
            [DossierFormKind.Register] = new("Mẫu 07", "Sổ theo dõi hồ sơ"),
        },
        DossierCodeFormat.Decree118,
        SupplementRequestWithinWorkingDays: 3,
        ApologyWorkingDaysBeforeDue: 1,
        MaxReschedules: 1);

    public static DossierRuleBook Default { get; } = new([Decree61, Decree118]);
}
