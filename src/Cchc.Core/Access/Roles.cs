namespace Cchc.Core.Access;

/// <summary>The roles of architecture.md. Names are stable identifiers stored in the database and API keys.</summary>
public static class Roles
{
    public const string SystemAdmin = "system-admin";
    public const string UnitAdmin = "unit-admin";
    public const string Leader = "leader";
    public const string Specialist = "specialist";
    public const string OneStopOfficer = "one-stop-officer";
    public const string Inspector = "inspector";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, UnitAdmin, Leader, Specialist, OneStopOfficer, Inspector];

    /// <summary>Vietnamese display names.</summary>
    public static string DisplayName(string role) => role switch
    {
        SystemAdmin => "Quản trị hệ thống",
        UnitAdmin => "Quản trị đơn vị",
        Leader => "Lãnh đạo",
        Specialist => "Chuyên viên",
        OneStopOfficer => "Cán bộ một cửa",
        Inspector => "Cán bộ kiểm tra",
        _ => role,
    };
}
