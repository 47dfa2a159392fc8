using Cchc.Core.Text;

namespace Cchc.Core.PlanImport;

/// <summary>
/// The seven reform areas every plan groups its content in (domain.md), recognised from a heading.
/// Names vary between plans ("Cải cách chế độ công vụ" / "Xây dựng và nâng cao chất lượng đội ngũ
/// cán bộ, công chức, viên chức"), so each area has several key phrases, matched without diacritics.
/// </summary>
public static class ReformAreas
{
    public const string Direction = "DIRECTION";
    public const string Institutions = "INSTITUTIONS";
    public const string Procedures = "PROCEDURES";
    public const string Organisation = "ORGANISATION";
    public const string CivilService = "CIVIL_SERVICE";
    public const string PublicFinance = "PUBLIC_FINANCE";
    public const string EGovernment = "E_GOVERNMENT";

    private static readonly (string Area, string[] Phrases)[] Rules =
    [
        (Direction, ["chi dao", "dieu hanh", "tuyen truyen", "truyen thong"]),
        (Institutions, ["the che"]),
        (Procedures, ["thu tuc hanh chinh", "mot cua", "tthc"]),
        (Organisation, ["to chuc bo may", "bo may"]),
        (CivilService, ["cong vu", "doi ngu", "can bo, cong chuc", "can bo cong chuc", "cbccvc"]),
        (PublicFinance, ["tai chinh cong"]),
        (EGovernment, ["chinh quyen dien tu", "chinh quyen so", "hien dai hoa", "cong nghe thong tin"]),
    ];

    /// <summary>The area a heading names, or null ("II. NHIỆM VỤ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022" names none).</summary>
    public static string? Of(string? heading)
    {
        var key = VietnameseText.Fold(heading);
        if (key.Length == 0) return null;
        foreach (var (area, phrases) in Rules)
        {
            foreach (var p in phrases)
            {
                if (key.Contains(p, StringComparison.Ordinal)) return area;
            }
        }
        return null;
    }
}
