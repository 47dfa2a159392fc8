using Cchc.Core.PlanImport;

namespace Cchc.Core.Plans;

/// <summary>
/// The Vietnamese names of the seven reform areas (domain.md). The codes are those of
/// <see cref="ReformAreas"/>, which the importer owns; this file only adds what plans show and check.
/// </summary>
public static class ReformAreaNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [ReformAreas.Direction] = "Công tác chỉ đạo, điều hành",
        [ReformAreas.Institutions] = "Cải cách thể chế",
        [ReformAreas.Procedures] = "Cải cách thủ tục hành chính",
        [ReformAreas.Organisation] = "Cải cách tổ chức bộ máy",
        [ReformAreas.CivilService] = "Cải cách chế độ công vụ",
        [ReformAreas.PublicFinance] = "Cải cách tài chính công",
        [ReformAreas.EGovernment] = "Xây dựng chính quyền điện tử, chính quyền số",
    };

    /// <summary>The area codes in the order plans list them.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Names.Keys];

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    public static string? NameOf(string? code) => code is not null && Names.TryGetValue(code, out var name) ? name : null;

    /// <summary>Null stays null (a task outside any area); an unknown code is refused.</summary>
    internal static string? Check(string? code, string field)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        if (code is not null && !IsKnown(code))
            throw new Common.RuleViolation($"Lĩnh vực cải cách \"{code}\" không hợp lệ.", field);
        return code;
    }
}
