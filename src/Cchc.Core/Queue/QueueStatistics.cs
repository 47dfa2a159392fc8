namespace Cchc.Core.Queue;

/// <summary>
/// Figures of a set of tickets. Waiting time is issue → call, serving time call → finish, both over the
/// served (finished) tickets only: a skipped ticket's holder was never served, so its wait would say
/// nothing about the service. Minutes are rounded to one decimal.
/// </summary>
public sealed record QueueFigures(
    int Issued,
    int Served,
    int Skipped,
    int Open,
    double? AverageWaitMinutes,
    double? MedianWaitMinutes,
    double? AverageServeMinutes,
    double? MedianServeMinutes);

public sealed record QueueDayFigures(DateOnly Day, QueueFigures Figures);

/// <summary>The desk-queue statistics (issue 5 point 6): per day and for a whole period.</summary>
public static class QueueStatistics
{
    public static QueueFigures Of(IEnumerable<QueueTicket> tickets)
    {
        int issued = 0, skipped = 0, open = 0;
        var waits = new List<long>();
        var serves = new List<long>();
        foreach (var t in tickets)
        {
            issued++;
            switch (t.State)
            {
                case QueueTicketState.Finished:
                    // Whole seconds summed as integers: the result does not depend on the tickets' order.
                    waits.Add(Seconds(t.CalledAtUtc!.Value - t.IssuedAtUtc));
                    serves.Add(Seconds(t.ClosedAtUtc!.Value - t.CalledAtUtc.Value));
                    break;
                case QueueTicketState.Skipped:
                    skipped++;
                    break;
                default:
                    open++;
                    break;
            }
        }

        return new QueueFigures(issued, waits.Count, skipped, open, Average(waits), Median(waits), Average(serves), Median(serves));
    }

    /// <summary>One row per Vietnam day that has tickets, in date order.</summary>
    public static IReadOnlyList<QueueDayFigures> ByDay(IEnumerable<QueueTicket> tickets) =>
        [.. tickets.GroupBy(t => t.Day).OrderBy(g => g.Key).Select(g => new QueueDayFigures(g.Key, Of(g)))];

    private static long Seconds(TimeSpan span) => Math.Max(0, span.Ticks / TimeSpan.TicksPerSecond);

    private static double? Average(List<long> seconds) =>
        seconds.Count == 0 ? null : Minutes((decimal)seconds.Sum() / seconds.Count);

    private static double? Median(List<long> seconds)
    {
        if (seconds.Count == 0)
        {
            return null;
        }

        var sorted = seconds.Order().ToArray();
        int mid = sorted.Length / 2;
        return Minutes(sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m);
    }

    private static double Minutes(decimal seconds) => (double)Math.Round(seconds / 60m, 1, MidpointRounding.AwayFromZero);
}
