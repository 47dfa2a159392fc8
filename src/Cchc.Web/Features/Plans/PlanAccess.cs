using Cchc.Core.Access;
using Cchc.Web.Features.Account;

namespace Cchc.Web.Features.Plans;

/// <summary>The record is missing or outside what the caller may read (→ 404; its existence is not revealed).</summary>
public sealed class PlanNotFound() : Exception("Không tìm thấy kế hoạch hoặc nhiệm vụ.");

/// <summary>The caller may read the record but not change it (→ 403).</summary>
public sealed class PlanForbidden(string message) : Exception(message);

/// <summary>
/// Who may do what with plans (docs/plans.md, "Permissions"):
/// - read: plans of the caller's subtree and of the units above (VisibleTo);
/// - edit a plan (header, sections, targets, tasks; issue; supersede; enter a target's figure): a system
///   admin, unit admin, leader or specialist of the issuing unit's subtree (EditableBy) — the people who
///   draft and sign the plan; one-stop officers and inspectors read only;
/// - report a task's progress or complete it: the same roles, in the lead unit's subtree.
/// </summary>
public static class PlanAccess
{
    public const string EditPolicy = "CanEditPlans";

    public static readonly string[] EditorRoles = [Roles.SystemAdmin, Roles.UnitAdmin, Roles.Leader, Roles.Specialist];

    public static bool IsEditor(CurrentUser user) => EditorRoles.Any(user.IsInRole);

    public static bool CanReport(CurrentUser user, string? leadUnitPath) =>
        IsEditor(user) && leadUnitPath is not null && user.CanSee(leadUnitPath);

    public static void AddPlanPolicies(this WebApplicationBuilder builder) =>
        builder.Services.AddAuthorizationBuilder().AddPolicy(EditPolicy, p => p.RequireAuthenticatedUser().RequireRole(EditorRoles));
}
