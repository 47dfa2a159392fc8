using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Tasks;

public enum TaskView
{
    /// <summary>Every task the caller's unit (or its subtree) leads.</summary>
    Mine,
    Overdue,
    DueSoon,
}

/// <summary>The filters every work view shares. <see cref="UnitId"/> narrows the lead to that unit's subtree.</summary>
public sealed record TaskFilter(int? PlanId = null, int? Year = null, string? Area = null, int? UnitId = null, bool IncludePartner = false, int Days = 30);

/// <summary>One line of a work view: the few columns the lists show, projected in the database.</summary>
public sealed record TaskRow(
    int Id, int PlanId, string PlanTitle, string? PlanNumber, string Number, string Content, string? Area,
    int? LeadUnitId, string? LeadUnitName, string? LeadText, DateOnly? LastDue, PlanTaskStatus Status, int Progress,
    DateOnly? CompletedOn)
{
    public TaskFacts Facts => new(Status, LastDue, CompletedOn);

    public EffectiveTaskStatus Effective(DateOnly today) => TaskStatusRules.Effective(Facts, today);
}

/// <summary>Completion figures of one group (a lead unit or a plan).</summary>
public sealed record CompletionLine(int Id, string Name, TaskCompletionFigures Figures);

public sealed record CompletionReport(TaskCompletionFigures Total, IReadOnlyList<CompletionLine> ByUnit, IReadOnlyList<CompletionLine> ByPlan);

/// <summary>
/// The work views' queries (docs/plans.md "Work views"): filtered in SQL by visibility, lead unit and
/// <see cref="PlanTask.LastDue"/>, projected into <see cref="TaskRow"/>; "overdue" is derived from today's
/// Vietnamese date and never stored. The pages, the home page's block and the API read the same methods.
/// </summary>
public sealed class TaskQueries(CchcDb db, TimeProvider clock)
{
    /// <summary>The largest list a view returns; the pages say so when it is reached.</summary>
    public const int MaxRows = 2000;

    public DateOnly Today => VnTime.Today(clock);

    public async Task<IReadOnlyList<TaskRow>> ListAsync(CurrentUser user, TaskView view, TaskFilter filter, CancellationToken ct)
    {
        var today = Today;
        var tasks = Scoped(user, filter, out var leadScope);
        tasks = view switch
        {
            TaskView.Overdue => tasks.Where(t => t.LastDue < today
                && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress)),
            TaskView.DueSoon => WithinDays(tasks, today, filter.Days),
            _ => tasks,
        };
        var rows = await Project(tasks, leadScope, filter.IncludePartner).ToListAsync(ct);
        return await KeepLeadOrPartnerAsync(rows, user, filter, ct);
    }

    /// <summary>Unfinished tasks whose last deadline falls in [<paramref name="from"/>, <paramref name="to"/>] (the calendar).</summary>
    public async Task<IReadOnlyList<TaskRow>> DueBetweenAsync(CurrentUser user, TaskFilter filter, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tasks = Scoped(user, filter, out var leadScope).Where(t => t.LastDue >= from && t.LastDue <= to);
        var rows = await Project(tasks, leadScope, filter.IncludePartner).ToListAsync(ct);
        return await KeepLeadOrPartnerAsync(rows, user, filter, ct);
    }

    /// <summary>On-time and overall completion (<see cref="TaskCompletion"/>) per lead unit and per plan, over the filtered tasks.</summary>
    public async Task<CompletionReport> CompletionAsync(CurrentUser user, TaskFilter filter, CancellationToken ct)
    {
        var today = Today;
        var rows = await ListAsync(user, TaskView.Mine, filter with { IncludePartner = false }, ct);
        var byUnit = rows.GroupBy(r => (Id: r.LeadUnitId ?? 0, Name: r.LeadUnitName ?? r.LeadText ?? "Chưa giao đơn vị"))
            .Select(g => new CompletionLine(g.Key.Id, g.Key.Name, TaskCompletion.Compute(g.Select(r => r.Facts), today)))
            .OrderBy(l => l.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
        var byPlan = rows.GroupBy(r => (Id: r.PlanId, Name: r.PlanNumber is null ? r.PlanTitle : $"{r.PlanNumber} – {r.PlanTitle}"))
            .Select(g => new CompletionLine(g.Key.Id, g.Key.Name, TaskCompletion.Compute(g.Select(r => r.Facts), today)))
            .OrderBy(l => l.Id).ToList();
        return new CompletionReport(TaskCompletion.Compute(rows.Select(r => r.Facts), today), byUnit, byPlan);
    }

    /// <summary>Plans and units offered in the filters: those the caller may read.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> PlanChoicesAsync(CurrentUser user, CancellationToken ct) =>
        (await db.Plans.AsNoTracking().VisibleTo(user, db.Units).OrderByDescending(p => p.PeriodFrom).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Number, p.Title }).Take(500).ToListAsync(ct))
        .Select(p => (p.Id, p.Number is null ? p.Title : $"{p.Number} – {p.Title}")).ToList();

    public async Task<IReadOnlyList<(int Id, string Name)>> UnitChoicesAsync(CurrentUser user, CancellationToken ct) =>
        (await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.ValidTo == null).OrderBy(u => u.Path)
            .Select(u => new { u.Id, u.Name }).Take(1000).ToListAsync(ct))
        .Select(u => (u.Id, u.Name)).ToList();

    public static IQueryable<PlanTask> WithinDays(IQueryable<PlanTask> tasks, DateOnly today, int days)
    {
        var until = today.AddDays(Math.Clamp(days, 0, 366));
        return tasks.Where(t => t.LastDue >= today && t.LastDue <= until
            && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress));
    }

    /// <summary>
    /// Visible tasks of the filtered plans; when partners are left out the lead must lie in the scope in SQL.
    /// With partners the lead condition moves to memory (partner ids are a JSON list), see docs/decisions.md.
    /// </summary>
    private IQueryable<PlanTask> Scoped(CurrentUser user, TaskFilter filter, out IQueryable<Unit> leadScope)
    {
        var plans = db.Plans.VisibleTo(user, db.Units).Where(p => p.Status != PlanStatus.Superseded);
        if (filter.PlanId is { } planId) plans = plans.Where(p => p.Id == planId);
        if (filter.Year is { } year) plans = plans.Where(p => p.PeriodFrom <= year && p.PeriodTo >= year);
        leadScope = LeadScope(user, filter.UnitId);
        var tasks = db.PlanTasks.AsNoTracking().VisibleTo(user, db.Plans, db.Units).Where(t => plans.Any(p => p.Id == t.PlanId));
        if (!string.IsNullOrWhiteSpace(filter.Area)) tasks = tasks.Where(t => t.Area == filter.Area);
        if (!filter.IncludePartner)
        {
            var scope = leadScope;
            tasks = tasks.Where(t => scope.Any(u => u.Id == t.LeadUnitId));
        }
        return tasks;
    }

    private IQueryable<Unit> LeadScope(CurrentUser user, int? unitId)
    {
        var visible = db.Units.VisibleTo(user);
        if (unitId is not { } id) return db.Units.Where(u => u.Path.StartsWith(user.UnitPath));
        var path = visible.Where(u => u.Id == id).Select(u => u.Path);
        return visible.Where(u => path.Any(p => u.Path.StartsWith(p)));
    }

    private IQueryable<TaskRow> Project(IQueryable<PlanTask> tasks, IQueryable<Unit> scope, bool includePartner) =>
        tasks.OrderBy(t => t.LastDue == null).ThenBy(t => t.LastDue).ThenBy(t => t.PlanId).ThenBy(t => t.Id).Take(includePartner ? MaxRows * 5 : MaxRows)
            .Select(t => new TaskRow(t.Id, t.PlanId,
                db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.Title).First(),
                db.Plans.Where(p => p.Id == t.PlanId).Select(p => p.Number).First(),
                t.Number, t.Content, t.Area, t.LeadUnitId,
                db.Units.Where(u => u.Id == t.LeadUnitId).Select(u => u.Name).FirstOrDefault(),
                t.LeadText, t.LastDue, t.Status, t.Progress, t.CompletedOn));

    private async Task<IReadOnlyList<TaskRow>> KeepLeadOrPartnerAsync(List<TaskRow> rows, CurrentUser user, TaskFilter filter, CancellationToken ct)
    {
        if (!filter.IncludePartner || rows.Count == 0) return rows;
        var ids = rows.Select(r => r.Id).ToList();
        var scope = (await LeadScope(user, filter.UnitId).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var partners = await db.PlanTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.PartnerUnitIds }).ToListAsync(ct);
        var partnered = partners.Where(p => p.PartnerUnitIds.Any(scope.Contains)).Select(p => p.Id).ToHashSet();
        return rows.Where(r => (r.LeadUnitId is { } lead && scope.Contains(lead)) || partnered.Contains(r.Id)).Take(MaxRows).ToList();
    }
}
