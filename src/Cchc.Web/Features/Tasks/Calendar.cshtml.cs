using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Tasks;

/// <summary>Deadlines of a month as a grid (Monday first) and as a list by week; plain HTML, printable.</summary>
public sealed class CalendarModel(TaskQueries queries) : TaskPageModel(queries)
{
    /// <summary>yyyy-MM; the current month when absent or unreadable.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public DateOnly First { get; private set; }
    public DateOnly GridStart { get; private set; }
    public DateOnly GridEnd { get; private set; }
    public ILookup<DateOnly, TaskRow> ByDay { get; private set; } = Array.Empty<TaskRow>().ToLookup(r => default(DateOnly));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? m : new DateOnly(Today.Year, Today.Month, 1);
        GridStart = First.AddDays(-(((int)First.DayOfWeek + 6) % 7));
        var last = First.AddMonths(1).AddDays(-1);
        GridEnd = last.AddDays(6 - (((int)last.DayOfWeek + 6) % 7));
        var rows = await Queries.DueBetweenAsync(User2, Filter(), GridStart, GridEnd, ct);
        ByDay = rows.ToLookup(r => r.LastDue!.Value);
    }

    public string MonthKey(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
