using Cchc.Core.Calendar;
using Cchc.Core.Procedures;
using Cchc.Core.Queue;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Queue;

/// <summary>
/// Demo data of the desk queue: one working day of tickets at the demo Sở's one-stop desk (Văn phòng Sở,
/// where the demo one-stop officer sits), marked demo. Times come from a small simulation with a fixed seed:
/// three counters, each ticket called when a counter frees up, about one holder in ten absent.
/// </summary>
public static class DemoQueue
{
    public const string UnitCode = "DEMO-VP";

    public static async Task<bool> SeedAsync(CchcDb db, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == UnitCode, ct);
        if (unit is null || await db.QueueTickets().AnyAsync(t => t.UnitId == unit.Id && t.IsDemo, ct)) return false;
        var officerId = await db.Users.Where(u => u.UserName == "demo.motcua").Select(u => (int?)u.Id).FirstOrDefaultAsync(ct) ?? 0;

        // The last weekday before today, in Vietnam.
        var day = VietnamTime.LocalDate(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);

        var random = new Random(2025);
        var counterFree = new DateTime[3];
        var arrival = VietnamTime.ToUtc(day, new TimeOnly(7, 30));
        var lunch = VietnamTime.ToUtc(day, new TimeOnly(11, 30));
        var afternoon = VietnamTime.ToUtc(day, new TimeOnly(13, 30));
        var closing = VietnamTime.ToUtc(day, new TimeOnly(16, 30));
        for (int i = 0; i < counterFree.Length; i++) counterFree[i] = arrival;
        int number = 0;
        while (true)
        {
            arrival = arrival.AddMinutes(random.Next(2, 12));
            if (arrival >= lunch && arrival < afternoon) arrival = afternoon.AddMinutes(random.Next(0, 10));
            if (arrival >= closing) break;
            var ticket = new QueueTicket(unit.Id, ++number, ProcedureFields.All[random.Next(ProcedureFields.All.Count)], arrival);
            ticket.MarkDemo();
            int counter = Array.IndexOf(counterFree, counterFree.Min());
            var called = counterFree[counter] > arrival ? counterFree[counter] : arrival;
            if (called >= lunch && called < afternoon) called = afternoon;
            ticket.Call(counter + 1, officerId, called);
            if (random.Next(10) == 0)
            {
                ticket.Skip(called.AddMinutes(2));
                counterFree[counter] = called.AddMinutes(2);
            }
            else
            {
                var done = called.AddMinutes(random.Next(4, 16));
                ticket.Finish(done);
                counterFree[counter] = done;
            }
            db.QueueTickets().Add(ticket);
        }
        await db.SaveChangesAsync(ct);
        return number > 0;
    }
}
