using Cchc.Core.Access;
using Cchc.Core.Dossiers;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;

namespace Cchc.Web.Features.Account;

/// <summary>
/// The one place where a user's view is cut to their unit's subtree (architecture.md, "Organisation
/// scoping"). Every query of business data goes through one of these; the authorization tests rely on it.
/// </summary>
public static class VisibleToExtensions
{
    public static IQueryable<Unit> VisibleTo(this IQueryable<Unit> units, CurrentUser user) =>
        user.IsSystemAdmin ? units : units.Where(u => u.Path.StartsWith(user.UnitPath));

    /// <summary>Users whose unit lies in the caller's subtree.</summary>
    public static IQueryable<AppUser> VisibleTo(this IQueryable<AppUser> users, CurrentUser user, IQueryable<Unit> units)
    {
        var visible = units.VisibleTo(user);
        return users.Where(x => visible.Any(u => u.Id == x.UnitId));
    }

    /// <summary>API keys bound to a unit in the caller's subtree.</summary>
    public static IQueryable<ApiKey> VisibleTo(this IQueryable<ApiKey> keys, CurrentUser user, IQueryable<Unit> units)
    {
        var visible = units.VisibleTo(user);
        return keys.Where(k => visible.Any(u => u.Id == k.UnitId));
    }

    /// <summary>
    /// Plans the caller may read: those issued in their subtree, and those of the units above them, because
    /// a parent's plan is what a subordinate unit implements and builds its own plan from.
    /// </summary>
    public static IQueryable<Plan> VisibleTo(this IQueryable<Plan> plans, CurrentUser user, IQueryable<Unit> units)
    {
        if (user.IsSystemAdmin) return plans;
        var ancestors = UnitPath.Ids(user.UnitPath).ToList();
        var subtree = units.VisibleTo(user);
        return plans.Where(p => ancestors.Contains(p.IssuingUnitId) || subtree.Any(u => u.Id == p.IssuingUnitId));
    }

    /// <summary>Plans the caller may change: issued by a unit in their own subtree.</summary>
    public static IQueryable<Plan> EditableBy(this IQueryable<Plan> plans, CurrentUser user, IQueryable<Unit> units)
    {
        if (user.IsSystemAdmin) return plans;
        var subtree = units.VisibleTo(user);
        return plans.Where(p => subtree.Any(u => u.Id == p.IssuingUnitId));
    }

    /// <summary>Tasks the caller may read: those of a readable plan, and any task led by a unit of their subtree.</summary>
    public static IQueryable<PlanTask> VisibleTo(this IQueryable<PlanTask> tasks, CurrentUser user, IQueryable<Plan> plans, IQueryable<Unit> units)
    {
        if (user.IsSystemAdmin) return tasks;
        var readable = plans.VisibleTo(user, units);
        var subtree = units.VisibleTo(user);
        return tasks.Where(t => readable.Any(p => p.Id == t.PlanId) || subtree.Any(u => u.Id == t.LeadUnitId));
    }

    /// <summary>
    /// Dossiers the caller may read: received by a unit of their subtree, or holding a processing step
    /// (liên thông) of a unit of their subtree (docs/dossiers.md, "Who may do what").
    /// </summary>
    public static IQueryable<Dossier> VisibleTo(this IQueryable<Dossier> dossiers, CurrentUser user, IQueryable<Unit> units, IQueryable<DossierStep> steps)
    {
        if (user.IsSystemAdmin) return dossiers;
        var subtree = units.VisibleTo(user);
        return dossiers.Where(d => subtree.Any(u => u.Id == d.ReceivingUnitId)
            || steps.Any(s => s.DossierId == d.Id && subtree.Any(u => u.Id == s.UnitId)));
    }
}
