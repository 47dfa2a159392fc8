using System.ComponentModel.DataAnnotations;
using Cchc.Core.Access;
using Cchc.Core.Calendar;
using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Cchc.Core.Queue;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Queue;

/// <summary>Body of POST /api/v1/queue/{unitCode}/tickets and the kiosk form.</summary>
public sealed class TakeNumberInput
{
    [StringLength(QueueTicket.ServiceMaxLength, ErrorMessage = "Tên dịch vụ tối đa 200 ký tự.")]
    public string? Service { get; set; }
}

/// <summary>Body of the call endpoints: the counter the officer sits at.</summary>
public sealed class CallInput
{
    [Required(ErrorMessage = "Vui lòng nhập số quầy.")]
    [Range(1, QueueTicket.MaxCounter, ErrorMessage = "Số quầy phải từ 1 đến 99.")]
    public int? Counter { get; set; }
}

public sealed record QueueTicketResponse(
    int Id, string UnitCode, string UnitName, DateOnly Day, int Number, string Display, string? Service, string State,
    string StateName, DateTime IssuedAtUtc, DateTime? CalledAtUtc, int? Counter, DateTime? ClosedAtUtc, int Version, bool IsDemo)
{
    public static QueueTicketResponse From(QueueTicket t, Unit unit) => new(
        t.Id, unit.Code, unit.Name, t.Day, t.Number, t.Display, t.Service, t.State.ToString(), QueueTicket.StateName(t.State),
        t.IssuedAtUtc, t.CalledAtUtc, t.Counter, t.ClosedAtUtc, t.Version, t.IsDemo);
}

public sealed record QueueStatsResponse(string UnitCode, string UnitName, DateOnly From, DateOnly To, QueueFigures Total, IReadOnlyList<QueueDayFigures> Days);

/// <summary>What the public display shows for one counter: the number being served, nothing personal.</summary>
public sealed record CounterNow(int Counter, string Display, DateTime CalledAtUtc);

public sealed record QueueBoard(Unit Unit, DateOnly Day, IReadOnlyList<CounterNow> Counters, int Waiting);

/// <summary>
/// The one-stop desk queue of a unit (issue 5 point 6): one-stop officers and administrators issue, call,
/// finish and skip tickets of units in their subtree; leaders and inspectors read the statistics.
/// </summary>
public sealed class QueueDesk(CchcDb db, TimeProvider clock)
{
    public const string ActorRoleList = Roles.SystemAdmin + "," + Roles.UnitAdmin + "," + Roles.OneStopOfficer;
    public const string ReaderRoleList = ActorRoleList + "," + Roles.Leader + "," + Roles.Inspector;
    public const string UnitNotFound = "Không tìm thấy đơn vị (hoặc đơn vị nằm ngoài phạm vi của bạn).";
    public const string TicketNotFound = "Không tìm thấy số thứ tự (hoặc số thuộc đơn vị ngoài phạm vi của bạn).";
    public const string NoneWaiting = "Không còn số nào đang chờ.";

    public static readonly string[] ActorRoles = ActorRoleList.Split(',');
    public static readonly string[] ReaderRoles = ReaderRoleList.Split(',');

    public static bool CanAct(CurrentUser user) => ActorRoles.Any(user.IsInRole);

    public DateOnly Today => VietnamTime.LocalDate(Now);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A current unit of the caller's subtree by code; null when absent or not visible.</summary>
    public Task<Unit?> UnitAsync(CurrentUser user, string? code, CancellationToken ct) =>
        db.Units.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(u => u.Code == code && u.ValidTo == null, ct);

    /// <summary>The unit a page opens on: the one asked for, else the caller's own.</summary>
    public async Task<Unit?> UnitOrOwnAsync(CurrentUser user, string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code)
            ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user.UnitId, ct)
            : await UnitAsync(user, code.Trim(), ct);

    public async Task<List<Unit>> UnitOptionsAsync(CurrentUser user, CancellationToken ct) =>
        await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.ValidTo == null).OrderBy(u => u.Path).ToListAsync(ct);

    /// <summary>
    /// Issues the next number of the unit's Vietnam day. Two kiosks taking a number at once may compute the
    /// same number: the unique index (unit, day, number) refuses the second, which then takes the next one.
    /// </summary>
    public async Task<QueueTicket> IssueAsync(Unit unit, string? service, CancellationToken ct)
    {
        var now = Now;
        var day = VietnamTime.LocalDate(now);
        for (int attempt = 0; ; attempt++)
        {
            int last = await db.QueueTickets().Where(t => t.UnitId == unit.Id && t.Day == day).MaxAsync(t => (int?)t.Number, ct) ?? 0;
            var ticket = new QueueTicket(unit.Id, last + 1, service, now);
            db.QueueTickets().Add(ticket);
            try
            {
                await db.SaveChangesAsync(ct);
                return ticket;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.Entry(ticket).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Calls the oldest waiting ticket of today to <paramref name="counter"/>; null when none waits. The
    /// ticket's version is checked in the UPDATE, so when two officers pick the same ticket at once only one
    /// wins; the other moves on to the next waiting ticket (docs/queue.md, "Concurrency").
    /// </summary>
    public async Task<QueueTicket?> CallNextAsync(CurrentUser user, Unit unit, int counter, CancellationToken ct)
    {
        var today = Today;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var ticket = await db.QueueTickets()
                .Where(t => t.UnitId == unit.Id && t.Day == today && t.State == QueueTicketState.Waiting)
                .OrderBy(t => t.Number)
                .FirstOrDefaultAsync(ct);
            if (ticket is null) return null;
            ticket.Call(counter, user.Id, Now);
            try
            {
                await db.SaveChangesAsync(ct);
                return ticket;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another officer called it first: forget our copy and read the queue again.
                db.ChangeTracker.Clear();
            }
        }

        throw new RuleViolation("Nhiều cán bộ đang gọi số cùng lúc, vui lòng thử lại.");
    }

    public async Task<(QueueTicket Ticket, Unit Unit)?> TicketAsync(CurrentUser user, int id, CancellationToken ct)
    {
        var row = await db.QueueTickets().VisibleTo(user, db.Units).Where(t => t.Id == id)
            .Join(db.Units, t => t.UnitId, u => u.Id, (t, u) => new { t, u }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.t, row.u);
    }

    /// <summary>Calls one given ticket; a ticket called meanwhile by someone else is a conflict (409).</summary>
    public Task<(QueueTicket Ticket, Unit Unit)?> CallAsync(CurrentUser user, int id, int counter, CancellationToken ct) =>
        ChangeAsync(user, id, t => t.Call(counter, user.Id, Now), ct);

    public Task<(QueueTicket Ticket, Unit Unit)?> FinishAsync(CurrentUser user, int id, CancellationToken ct) =>
        ChangeAsync(user, id, t => t.Finish(Now), ct);

    public Task<(QueueTicket Ticket, Unit Unit)?> SkipAsync(CurrentUser user, int id, CancellationToken ct) =>
        ChangeAsync(user, id, t => t.Skip(Now), ct);

    /// <summary>Today's tickets of a unit, in number order.</summary>
    public async Task<List<QueueTicket>> TodayAsync(Unit unit, CancellationToken ct)
    {
        var today = Today;
        return await db.QueueTickets().AsNoTracking().Where(t => t.UnitId == unit.Id && t.Day == today).OrderBy(t => t.Number).ToListAsync(ct);
    }

    /// <summary>Figures per Vietnam day of a unit's tickets issued from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public async Task<QueueStatsResponse> StatsAsync(Unit unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tickets = await db.QueueTickets().AsNoTracking()
            .Where(t => t.UnitId == unit.Id && t.Day >= from && t.Day <= to).ToListAsync(ct);
        return new QueueStatsResponse(unit.Code, unit.Name, from, to, QueueStatistics.Of(tickets), QueueStatistics.ByDay(tickets));
    }

    /// <summary>
    /// The public board of a current unit: per counter, the last number called today and still being served.
    /// Anonymous: it shows numbers and counters only, never who holds them or who serves.
    /// </summary>
    public async Task<QueueBoard?> BoardAsync(string unitCode, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode && u.ValidTo == null, ct);
        if (unit is null) return null;
        var today = Today;
        var tickets = await db.QueueTickets().AsNoTracking()
            .Where(t => t.UnitId == unit.Id && t.Day == today && (t.State == QueueTicketState.Called || t.State == QueueTicketState.Waiting))
            .ToListAsync(ct);
        var counters = tickets.Where(t => t.State == QueueTicketState.Called)
            .GroupBy(t => t.Counter!.Value)
            .Select(g => g.OrderByDescending(t => t.CalledAtUtc).First())
            .OrderBy(t => t.Counter)
            .Select(t => new CounterNow(t.Counter!.Value, t.Display, t.CalledAtUtc!.Value))
            .ToList();
        return new QueueBoard(unit, today, counters, tickets.Count(t => t.State == QueueTicketState.Waiting));
    }

    private async Task<(QueueTicket Ticket, Unit Unit)?> ChangeAsync(CurrentUser user, int id, Action<QueueTicket> change, CancellationToken ct)
    {
        if (await TicketAsync(user, id, ct) is not { } row) return null;
        change(row.Ticket);
        await db.SaveChangesAsync(ct);
        return row;
    }
}

public static class QueueData
{
    public static DbSet<QueueTicket> QueueTickets(this CchcDb db) => db.Set<QueueTicket>();

    /// <summary>Tickets of a unit in the caller's subtree: a unit's queue is seen only within its subtree.</summary>
    public static IQueryable<QueueTicket> VisibleTo(this IQueryable<QueueTicket> tickets, CurrentUser user, IQueryable<Unit> units)
    {
        if (user.IsSystemAdmin) return tickets;
        var visible = units.VisibleTo(user);
        return tickets.Where(t => visible.Any(u => u.Id == t.UnitId));
    }
}

internal sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> b)
    {
        b.ToTable("queue_tickets");
        b.Property(t => t.Service).HasMaxLength(QueueTicket.ServiceMaxLength);
        b.Property(t => t.State).HasConversion<int>();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.Display);
        // Numbering per unit per Vietnam day; the index also refuses a duplicate number from two kiosks at once.
        b.HasIndex(t => new { t.UnitId, t.Day, t.Number }).IsUnique();
        b.HasIndex(t => new { t.UnitId, t.Day, t.State });
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
