using Cchc.Core.Calendar;
using Cchc.Web.Data;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Calendar;

/// <summary>
/// The working-day calendar every due date is computed with: the holiday rules of the law plus the
/// adjustments stored in <c>calendar_adjustments</c>, for <see cref="FirstYear"/> to ten years after
/// the current one. Built once and cached; this node drops it when it saves an adjustment
/// (<see cref="Invalidate"/>), and every node rebuilds it at the latest <see cref="TimeToLive"/> after it
/// was built, so another node's edit is seen within that time (docs/calendar.md, "In the application").
/// </summary>
public sealed class CalendarProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int FirstYear = 2013;
    public const int YearsAhead = 10;
    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;

    public HolidayRuleBook Rules => VietnamHolidayRules.Default;

    /// <summary>The years the calendar covers now (the last one moves with the clock).</summary>
    public (int First, int Last) Range => (FirstYear, VnTime.Today(clock).Year + YearsAhead);

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_current is { } fresh && fresh.BuiltAt + TimeToLive > now && fresh.Calendar.LastYear == Range.Last) return fresh.Calendar;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.BuiltAt + TimeToLive > now && again.Calendar.LastYear == Range.Last) return again.Calendar;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CchcDb>();
            var (first, last) = Range;
            var from = new DateOnly(first, 1, 1);
            var to = new DateOnly(last, 12, 31);
            var rows = await db.CalendarAdjustments().AsNoTracking().Where(a => a.Date >= from && a.Date <= to).ToListAsync(ct);
            var calendar = new WorkingCalendar(Rules, rows.Select(r => r.ToCore()), first, last);
            _current = new Snapshot(calendar, now);
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Called after an adjustment is saved on this node: the next request rebuilds.</summary>
    public void Invalidate() => _current = null;

    private sealed record Snapshot(WorkingCalendar Calendar, DateTimeOffset BuiltAt);
}

public static class CalendarDbExtensions
{
    public static DbSet<CalendarAdjustmentRecord> CalendarAdjustments(this CchcDb db) => db.Set<CalendarAdjustmentRecord>();
}
