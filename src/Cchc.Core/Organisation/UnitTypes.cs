namespace Cchc.Core.Organisation;

/// <summary>Vietnamese names of the unit types, as shown on pages and written in the import/export sheet.</summary>
public static class UnitTypes
{
    public static string DisplayName(UnitType type) => type switch
    {
        UnitType.Department => "Sở Giáo dục và Đào tạo",
        UnitType.DepartmentOffice => "Phòng thuộc Sở",
        UnitType.DistrictOffice => "Phòng GDĐT cấp huyện",
        UnitType.Commune => "UBND xã/phường",
        UnitType.CommuneCultureSociety => "Phòng Văn hóa – Xã hội",
        UnitType.Kindergarten => "Trường mầm non",
        UnitType.PrimarySchool => "Trường tiểu học",
        UnitType.LowerSecondarySchool => "Trường THCS",
        UnitType.UpperSecondarySchool => "Trường THPT",
        UnitType.MultiLevelSchool => "Trường nhiều cấp học",
        UnitType.Centre => "Trung tâm",
        _ => "Khác",
    };

    public static IReadOnlyList<UnitType> All { get; } = Enum.GetValues<UnitType>();

    /// <summary>Reads a type from its Vietnamese name (any case, composed or decomposed) or its number.</summary>
    public static UnitType? Parse(string? text)
    {
        text = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (text.Length == 0) return null;
        foreach (var t in All)
            if (string.Equals(DisplayName(t), text, StringComparison.OrdinalIgnoreCase)) return t;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((UnitType)n)
            ? (UnitType)n : null;
    }
}
