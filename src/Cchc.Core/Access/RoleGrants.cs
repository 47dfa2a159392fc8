using Cchc.Core.Common;

namespace Cchc.Core.Access;

/// <summary>Who may hand out which role (architecture.md, "Organisation scoping").</summary>
public static class RoleGrants
{
    /// <summary>An API key acts for a system, never as an administrator.</summary>
    public static readonly IReadOnlyList<string> ApiKeyRoles =
        [Roles.Leader, Roles.Specialist, Roles.OneStopOfficer, Roles.Inspector];

    /// <summary>The roles an administrator with <paramref name="granterRoles"/> may give; only a system admin makes another.</summary>
    public static IReadOnlyList<string> Grantable(IReadOnlySet<string> granterRoles) =>
        granterRoles.Contains(Roles.SystemAdmin) ? Roles.All
        : granterRoles.Contains(Roles.UnitAdmin) ? [.. Roles.All.Where(r => r != Roles.SystemAdmin)]
        : [];

    /// <summary>Checks a role set chosen on the user form; throws with a Vietnamese message when it is not allowed.</summary>
    public static void CheckAssignment(IReadOnlySet<string> granterRoles, IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0) throw new RuleViolation("Chọn ít nhất một vai trò.", "Roles");
        var unknown = roles.FirstOrDefault(r => !Roles.All.Contains(r));
        if (unknown is not null) throw new RuleViolation($"Vai trò không hợp lệ: {unknown}.", "Roles");
        var grantable = Grantable(granterRoles);
        var denied = roles.FirstOrDefault(r => !grantable.Contains(r));
        if (denied is not null)
            throw new RuleViolation($"Bạn không có quyền cấp vai trò “{Roles.DisplayName(denied)}”.", "Roles");
    }

    /// <summary>A unit admin may not change, lock or reset a system admin, even one placed in their subtree.</summary>
    public static bool CanManage(IReadOnlySet<string> managerRoles, IReadOnlyCollection<string> targetRoles) =>
        managerRoles.Contains(Roles.SystemAdmin)
        || (managerRoles.Contains(Roles.UnitAdmin) && !targetRoles.Contains(Roles.SystemAdmin));
}
