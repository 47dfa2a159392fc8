using Cchc.Core.Access;
using Cchc.Core.Common;
using Cchc.Core.Indicators;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Plans.Children;

public sealed record ParentPlanHeader(int Id, string? Number, string Title, int IssuingUnitId, string IssuingUnitName, DateOnly? IssuedOn, PlanStatus Status, DateOnly? ChildPlanDue);

public sealed record ChildPlanLine(int UnitId, string UnitCode, string UnitName, ChildPlanStatus Status, int? ChildPlanId, DateOnly? IssuedOn);

/// <summary>The parent's status board: each subordinate unit's own plan, the counts and UNIT_PLAN_SUBMITTED_RATE.</summary>
public sealed record ChildPlanBoard(ParentPlanHeader Parent, IReadOnlyList<ChildPlanLine> Units, int OnTime, int Late, int NotIssued, int NotYetDue, IndicatorValue SubmittedRate);

public sealed record ChildPlanCandidate(ParentPlanHeader Parent, IReadOnlyList<(int Id, string Name)> Units, IReadOnlyList<(int Id, string Number, string Content, DateOnly? LastDue)> Tasks);

/// <summary>
/// Cascading plans (docs/plans.md "Cascading"): a subordinate unit makes its own draft from its parent's plan
/// (<see cref="PlanCascade.CopyForChild(Plan, int, IEnumerable{int})"/>), and the parent follows who issued
/// theirs by the child-plan due date (<see cref="PlanCascade.Track"/>).
/// </summary>
public sealed class PlanChildren(CchcDb db, TimeProvider clock)
{
    /// <summary>Who may make a plan for their unit.</summary>
    public const string CreateRoles = Roles.SystemAdmin + "," + Roles.UnitAdmin + "," + Roles.Leader + "," + Roles.Specialist;

    public static bool CanCreate(CurrentUser user) => CreateRoles.Split(',').Any(user.IsInRole);

    /// <summary>The board of <paramref name="parentId"/>, or null when the plan does not exist or is not readable.</summary>
    public async Task<ChildPlanBoard?> BoardAsync(CurrentUser user, int parentId, CancellationToken ct)
    {
        var parent = await db.Plans.AsNoTracking().VisibleTo(user, db.Units).SingleOrDefaultAsync(p => p.Id == parentId, ct);
        if (parent is null) return null;
        var today = VnTime.Today(clock);
        // Direct subordinates that exist today; a user below the issuer sees only the part of the board in their subtree.
        var units = await db.Units.AsNoTracking().VisibleTo(user)
            .Where(u => u.ParentId == parent.IssuingUnitId && (u.ValidTo == null || u.ValidTo > today))
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToList();
        var children = await db.Plans.AsNoTracking()
            .Where(p => p.ParentPlanId == parentId && unitIds.Contains(p.IssuingUnitId) && p.Status != PlanStatus.Draft)
            .ToListAsync(ct);
        var states = PlanCascade.Track(parent, unitIds, children, today);
        var lines = states.Zip(units, (s, u) => new ChildPlanLine(u.Id, u.Code, u.Name, s.Status, s.ChildPlanId, s.IssuedOn)).ToList();
        return new ChildPlanBoard(await HeaderAsync(parent, ct), lines,
            lines.Count(l => l.Status == ChildPlanStatus.IssuedOnTime), lines.Count(l => l.Status == ChildPlanStatus.IssuedLate),
            lines.Count(l => l.Status == ChildPlanStatus.NotIssuedOverdue), lines.Count(l => l.Status == ChildPlanStatus.NotYetDue),
            PlanIndicators.UnitPlanSubmittedRate(states));
    }

    /// <summary>What the create page offers: the units below the parent's issuer in the caller's subtree, and the parent's tasks.</summary>
    public async Task<ChildPlanCandidate?> CandidateAsync(CurrentUser user, int parentId, CancellationToken ct)
    {
        var parent = await db.Plans.AsNoTracking().VisibleTo(user, db.Units).Include(p => p.Tasks).SingleOrDefaultAsync(p => p.Id == parentId, ct);
        if (parent is null) return null;
        var units = await EligibleUnits(user, parent.IssuingUnitId).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return new ChildPlanCandidate(await HeaderAsync(parent, ct), units.Select(u => (u.Id, u.Name)).ToList(),
            parent.Tasks.OrderBy(t => t.Id).Select(t => (t.Id, t.Number, t.Content, t.LastDue)).ToList());
    }

    /// <summary>Creates the draft child plan of <paramref name="unitId"/>; null when the parent is not readable.</summary>
    public async Task<int?> CreateAsync(CurrentUser user, int parentId, int unitId, IReadOnlyCollection<int> taskIds, CancellationToken ct)
    {
        if (!CanCreate(user)) throw new RuleViolation("Bạn không có quyền lập kế hoạch.");
        var parent = await db.Plans.AsNoTracking().VisibleTo(user, db.Units)
            .Include(p => p.Tasks).Include(p => p.Targets).Include(p => p.Sections).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == parentId, ct);
        if (parent is null) return null;
        if (!await EligibleUnits(user, parent.IssuingUnitId).AnyAsync(u => u.Id == unitId, ct))
            throw new RuleViolation("Đơn vị lập kế hoạch phải là đơn vị cấp dưới của đơn vị ban hành kế hoạch cấp trên, thuộc phạm vi của bạn.", "UnitId");
        var child = PlanCascade.CopyForChild(parent, unitId, taskIds);
        db.Plans.Add(child);
        await db.SaveChangesAsync(ct);
        return child.Id;
    }

    private IQueryable<Unit> EligibleUnits(CurrentUser user, int issuingUnitId)
    {
        var issuerPath = db.Units.Where(u => u.Id == issuingUnitId).Select(u => u.Path);
        return db.Units.VisibleTo(user).Where(u => u.ValidTo == null && u.Id != issuingUnitId && issuerPath.Any(p => u.Path.StartsWith(p)));
    }

    private async Task<ParentPlanHeader> HeaderAsync(Plan p, CancellationToken ct)
    {
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == p.IssuingUnitId).Select(u => u.Name).SingleAsync(ct);
        return new ParentPlanHeader(p.Id, p.Number, p.Title, p.IssuingUnitId, unitName, p.IssuedOn, p.Status, p.ChildPlanDue);
    }

    public static string StatusText(ChildPlanStatus s) => s switch
    {
        ChildPlanStatus.IssuedOnTime => "Ban hành đúng hạn",
        ChildPlanStatus.IssuedLate => "Ban hành trễ hạn",
        ChildPlanStatus.NotIssuedOverdue => "Chưa ban hành (quá hạn)",
        _ => "Chưa ban hành (chưa đến hạn)",
    };
}

public sealed record ChildPlanLineResponse(string UnitCode, string UnitName, ChildPlanStatus Status, string StatusName, int? ChildPlanId, DateOnly? IssuedOn);

public sealed record ChildPlanBoardResponse(int PlanId, DateOnly? ChildPlanDue, int OnTime, int Late, int NotIssued, int NotYetDue, double? UnitPlanSubmittedRate, IReadOnlyList<ChildPlanLineResponse> Units);

public static class PlanChildrenApi
{
    public static void AddPlanChildren(this WebApplicationBuilder builder) => builder.Services.AddScoped<PlanChildren>();

    public static void MapPlanChildren(this WebApplication app)
    {
        app.MapGet("/api/v1/plans/{id:int}/children", async (int id, CurrentUser user, PlanChildren children, CancellationToken ct) =>
        {
            var board = await children.BoardAsync(user, id, ct);
            if (board is null) return Results.NotFound();
            return Results.Ok(new ChildPlanBoardResponse(board.Parent.Id, board.Parent.ChildPlanDue, board.OnTime, board.Late, board.NotIssued, board.NotYetDue,
                board.SubmittedRate.Value,
                board.Units.Select(u => new ChildPlanLineResponse(u.UnitCode, u.UnitName, u.Status, PlanChildren.StatusText(u.Status), u.ChildPlanId, u.IssuedOn)).ToList()));
        }).RequireAuthorization().WithTags("Kế hoạch").Produces<ChildPlanBoardResponse>().Produces(404);
    }
}
