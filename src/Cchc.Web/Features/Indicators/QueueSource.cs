using Cchc.Core.Indicators;
using Cchc.Web.Data;
using Cchc.Web.Features.Queue;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// DESK_WAIT_MINUTES_AVG from the desk's numbered tickets (docs/queue.md): minutes from taking a number to
/// being called, averaged over the called tickets of the period, each attributed to its desk's unit on the
/// day it was issued. A desk issues a few hundred tickets a day, so they are read as they are, without roll-up.
/// </summary>
public sealed class QueueSource(CchcDb db) : IIndicatorSource
{
    /// <summary>Seed 003: "thời gian chờ … tối đa 30 phút"; a longer wait is what the drill-down lists.</summary>
    public const int LongWaitMinutes = 30;

    public IReadOnlyList<string> Codes { get; } = [IndicatorCodes.DeskWaitMinutesAvg];

    private sealed record Row(int Id, int UnitId, DateOnly Day, int Number, DateTime IssuedAtUtc, DateTime? CalledAtUtc)
    {
        public double? Minutes => CalledAtUtc is { } c ? Math.Max(0, (c - IssuedAtUtc).TotalMinutes) : null;
    }

    public async Task<IReadOnlyList<IndicatorFigure>> ComputeAsync(IndicatorScope scope, CancellationToken ct)
    {
        var tickets = await TicketsAsync(scope, ct);
        return [new IndicatorFigure(ServiceIndicators.DeskWaitMinutes(tickets.Select(t => new QueueTicketFacts(t.IssuedAtUtc, t.CalledAtUtc))))];
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorScope scope, string code, CancellationToken ct)
    {
        var waits = (await TicketsAsync(scope, ct)).Where(t => t.Minutes > LongWaitMinutes).OrderByDescending(t => t.Minutes).Take(DossierSource.MaxRecords).ToList();
        var names = await TaskSource.UnitNamesAsync(db, waits.Select(t => t.UnitId), ct);
        return waits.Select(t => new IndicatorRecord($"Số {t.Number:000} ngày {VnTime.Date(t.Day)}", names.GetValueOrDefault(t.UnitId),
            $"Lấy số {VnTime.DateAndTime(t.IssuedAtUtc)}, được gọi {VnTime.DateAndTime(t.CalledAtUtc!.Value)}",
            $"Chờ {IndicatorText.Number(Math.Round(t.Minutes!.Value))} phút (quá {LongWaitMinutes} phút)", null)).ToList();
    }

    private async Task<List<Row>> TicketsAsync(IndicatorScope scope, CancellationToken ct)
    {
        var (from, to) = (scope.Period.From, scope.Period.To);
        var rows = await db.QueueTickets().AsNoTracking().VisibleTo(scope.User, db.Units)
            .Where(t => t.Day >= from && t.Day <= to)
            .Select(t => new Row(t.Id, t.UnitId, t.Day, t.Number, t.IssuedAtUtc, t.CalledAtUtc))
            .ToListAsync(ct);
        return rows.Where(t => scope.Includes(t.UnitId, t.Day)).ToList();
    }
}
