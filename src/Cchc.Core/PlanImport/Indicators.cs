namespace Cchc.Core.PlanImport;

/// <summary>
/// Guesses the indicator code (domain.md's catalogue) a target sentence measures, from key phrases of
/// the folded text. Ordered: the more specific phrase first ("thời gian chờ" before "hồ sơ",
/// "bưu chính … trả kết quả" before "bưu chính"). Null when nothing fits; the user picks on the preview.
/// </summary>
internal static class Indicators
{
    private static bool Has(this string s, string p) => s.Contains(p, StringComparison.Ordinal);

    private static bool Any(this string s, params string[] ps) => ps.Any(s.Has);

    private static readonly (string Code, Func<string, bool> Fits)[] Rules =
    [
        ("DESK_WAIT_MINUTES_AVG", w => w.Has("thoi gian cho")),
        ("BUSINESS_DIALOGUES_PER_YEAR", w => w.Has("doi thoai")),
        ("LATE_DOSSIER_APOLOGY_RATE", w => w.Has("xin loi")),
        ("RATING_PARTICIPATION_RATE", w => w.Has("tham gia danh gia")),
        ("SATISFACTION_RATE", w => w.Has("hai long")),
        ("INSPECTION_FINDINGS_RESOLVED_RATE", w => w.Any("sau thanh tra", "ket luan sau")),
        ("DOSSIER_DIGITISED_RESULT_RATE", w => w.Has("so hoa") && w.Has("ket qua")),
        ("INTERNAL_ELECTRONIC_TRANSFER_RATE", w => w.Has("luan chuyen noi bo")),
        ("DATA_REUSE_RATE", w => w.Has("cung cap lai")),
        ("ONLINE_PAYMENT_RATE", w => w.Has("thanh toan truc tuyen") && w.Has("giao dich")),
        ("ONLINE_PAYMENT_COVERAGE", w => w.Has("thanh toan truc tuyen")),
        ("PROCEDURE_POSTAL_COVERAGE", w => w.Has("buu chinh") && w.Any("so tthc", "tthc co quy dinh", "thu tuc hanh chinh co")),
        ("DOSSIER_POSTAL_RETURN_RATE", w => w.Has("buu chinh") && w.Has("tra ket qua")),
        ("DOSSIER_POSTAL_RECEIPT_RATE", w => w.Has("buu chinh")),
        ("PROCEDURE_EISO_RATE", w => w.Has("iso dien tu") && w.Any("thu tuc", "tthc")),
        ("PROCEDURE_ISO_RATE", w => w.Has("iso") && w.Any("thu tuc", "tthc")),
        ("E_DOCUMENT_SIGNED_RATE", w => w.Has("chu ky so") && w.Has("van ban")),
        ("ONLINE_WORKFILE_RATE", w => w.Has("ho so cong viec") || (w.Has("van ban") && w.Has("moi truong mang"))),
        ("PROCEDURE_ONLINE_WITH_DOSSIERS", w => w.Has("phat sinh ho so")),
        ("DOSSIER_ONLINE_RATE", w => w.Any("truc tuyen", "dich vu cong", "muc do 3", "muc do 4") && w.Any("ho so", "duoc xu ly") && !w.Has("dung han")),
        ("PROCEDURE_ONLINE_COVERAGE", w => w.Any("truc tuyen", "muc do 3", "muc do 4") && w.Any("tthc", "thu tuc")),
        ("DOSSIER_EARLY_RATE", w => w.Has("truoc han") && !w.Has("dung han")),
        ("DOSSIER_ON_TIME_RATE", w => w.Has("dung han") && w.Any("ho so", "tthc", "thu tuc")),
        ("PROCEDURE_PUBLISHED_RATE", w => w.Any("cong bo", "cong khai") && w.Any("tthc", "thu tuc")),
        ("PETITION_HANDLED_RATE", w => w.Any("phan anh", "kien nghi")),
        ("UNIT_PLAN_SUBMITTED_RATE", w => w.Has("xay dung ke hoach")),
        ("TASK_COMPLETION_RATE", w => w.Has("nhiem vu") && w.Any("ke hoach cai cach hanh chinh", "ke hoach cchc")),
        ("INSPECTION_COVERAGE_RATE", w => w.Has("kiem tra") && !w.Has("tu kiem tra") && w.Any("don vi", "phong")),
        ("STAFF_DATA_SKILLS_RATE", w => w.Has("du lieu") && w.Any("boi duong", "tap huan")),
        ("STAFF_TRAINED_RATE", w => w.Any("boi duong", "dao tao", "tap huan") && w.Any("can bo", "cong chuc")),
        ("SELF_FINANCED_UNIT_RATE", w => w.Has("tu dam bao chi")),
    ];

    /// <summary>The first code whose phrases the folded <paramref name="window"/> contains, or null.</summary>
    public static string? Guess(string window)
    {
        foreach (var (code, fits) in Rules)
        {
            if (fits(window)) return code;
        }
        return null;
    }
}
