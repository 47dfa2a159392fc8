using Cchc.Core.Queue;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Core.Tests.Queue;

public sealed class QueueStatisticsTests
{
    // Mon 02/03/2026 07:30 in Hanoi.
    private static readonly DateTime Opening = new(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc);

    private static QueueTicket Ticket(int number, double issued, double? called = null, double? closed = null, bool skip = false, DateTime? day = null)
    {
        var start = day ?? Opening;
        var t = new QueueTicket(1, number, null, start.AddMinutes(issued));
        if (called is { } c)
        {
            t.Call(1, 42, start.AddMinutes(c));
            if (closed is { } e)
            {
                if (skip) t.Skip(start.AddMinutes(e));
                else t.Finish(start.AddMinutes(e));
            }
        }

        return t;
    }

    [Fact]
    public void Waiting_and_serving_times_are_averaged_over_served_tickets_only()
    {
        QueueTicket[] day =
        [
            Ticket(1, 0, called: 2, closed: 12),            // wait 2, serve 10
            Ticket(2, 1, called: 12, closed: 20),           // wait 11, serve 8
            Ticket(3, 3, called: 20, closed: 21, skip: true), // absent: not in the times
            Ticket(4, 5, called: 21, closed: 27),           // wait 16, serve 6
            Ticket(5, 6, called: 27),                       // being served
            Ticket(6, 8),                                   // waiting
        ];

        var f = QueueStatistics.Of(day);

        Assert.Equal(new QueueFigures(6, 3, 1, 2, 9.7, 11, 8, 8), f);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        var f = QueueStatistics.Of([Ticket(1, 0, 1, 2), Ticket(2, 0, 4, 5)]);

        Assert.Equal(2.5, f.MedianWaitMinutes);
        Assert.Equal(1, f.MedianServeMinutes);
    }

    [Fact]
    public void A_day_without_served_tickets_has_no_times_rather_than_zero()
    {
        var f = QueueStatistics.Of([Ticket(1, 0), Ticket(2, 0, 1, 2, skip: true)]);

        Assert.Equal(0, f.Served);
        Assert.Null(f.AverageWaitMinutes);
        Assert.Null(f.MedianServeMinutes);
    }

    [Fact]
    public void A_period_is_reported_per_Vietnam_day_in_date_order()
    {
        var tuesday = Opening.AddDays(1);
        var rows = QueueStatistics.ByDay([Ticket(1, 0, 3, 5, day: tuesday), Ticket(1, 0, 1, 2), Ticket(2, 0, 5, 6)]);

        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3)], rows.Select(r => r.Day));
        Assert.Equal(2, rows[0].Figures.Served);
        Assert.Equal(3, rows[0].Figures.AverageWaitMinutes);
        Assert.Equal(3, rows[1].Figures.AverageWaitMinutes);
    }

    private static readonly Gen<QueueTicket[]> Days =
        Gen.Zip(Gen.Choose(0, 600), Gen.Zip(Gen.Choose(0, 240), Gen.Zip(Gen.Choose(0, 60), Gen.Choose(0, 3))))
            .Select(x => (Issue: x.Item1, Wait: x.Item2.Item1, Serve: x.Item2.Item2.Item1, Fate: x.Item2.Item2.Item2))
            .ListOf()
            .Select(list => list.Select((x, i) => x.Fate switch
            {
                0 => Ticket(i + 1, x.Issue),
                1 => Ticket(i + 1, x.Issue, x.Issue + x.Wait),
                2 => Ticket(i + 1, x.Issue, x.Issue + x.Wait, x.Issue + x.Wait + x.Serve, skip: true),
                _ => Ticket(i + 1, x.Issue + x.Wait / 7.0, x.Issue + x.Wait + x.Serve / 3.0, x.Issue + x.Wait + x.Serve),
            }).ToArray());

    [Fact]
    public void The_average_wait_is_never_negative() =>
        Prop.ForAll(Days.ToArbitrary(), day =>
            {
                var f = QueueStatistics.Of(day);
                return f.AverageWaitMinutes is null or >= 0 && f.MedianWaitMinutes is null or >= 0
                       && f.AverageServeMinutes is null or >= 0
                       && f.Issued == f.Served + f.Skipped + f.Open;
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void The_statistics_of_a_day_do_not_depend_on_the_order_of_its_tickets() =>
        Prop.ForAll(Gen.Zip(Days, Gen.Choose(0, int.MaxValue)).ToArbitrary(), x =>
            {
                var random = new Random(x.Item2);
                var shuffled = x.Item1.OrderBy(_ => random.Next()).ToArray();
                var reversed = x.Item1.Reverse().ToArray();
                var f = QueueStatistics.Of(x.Item1);
                return f == QueueStatistics.Of(shuffled) && f == QueueStatistics.Of(reversed)
                       && QueueStatistics.ByDay(x.Item1).SequenceEqual(QueueStatistics.ByDay(shuffled));
            })
            .QuickCheckThrowOnFailure();
}
