using System.Diagnostics;
using Cchc.Core.Calendar;

// Due dates per second on one thread: WorkingCalendar.AddWorkingDays on random (from, days) pairs drawn
// before timing (from in 2015–2035, days in −60..+60 as real processing times are), over the calendar
// the web app builds (2013 to ten years ahead) with the 2025 adjustments. A warm-up lets the JIT reach
// its final tier; then ROUNDS timed rounds, each over the whole set of pairs; the median is reported.
const int Pairs = 1 << 20;
int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;

var adjustments = new CalendarAdjustment[]
{
    new(new DateOnly(2025, 1, 27), CalendarAdjustmentKind.DayOff, "Tết 2025"),
    new(new DateOnly(2025, 2, 8), CalendarAdjustmentKind.WorkingDay, "Làm bù"),
    new(new DateOnly(2025, 5, 2), CalendarAdjustmentKind.DayOff, "30/4–1/5"),
    new(new DateOnly(2025, 4, 26), CalendarAdjustmentKind.WorkingDay, "Làm bù"),
};
var build = Stopwatch.StartNew();
var calendar = new WorkingCalendar(VietnamHolidayRules.Default, adjustments, 2013, 2036);
build.Stop();

var random = new Random(20250124);
var from = new DateOnly[Pairs];
var days = new int[Pairs];
int first = new DateOnly(2015, 1, 1).DayNumber, last = new DateOnly(2035, 12, 31).DayNumber;
for (int i = 0; i < Pairs; i++)
{
    from[i] = DateOnly.FromDayNumber(random.Next(first, last + 1));
    days[i] = random.Next(-60, 61);
}

long Run()
{
    long sum = 0;
    for (int i = 0; i < Pairs; i++) sum += calendar.AddWorkingDays(from[i], days[i]).DayNumber;
    return sum;
}

long check = 0;
var warm = Stopwatch.StartNew();
while (warm.ElapsedMilliseconds < 2000) check += Run();

var rates = new List<double>();
for (int r = 0; r < rounds; r++)
{
    var sw = Stopwatch.StartNew();
    check += Run();
    sw.Stop();
    rates.Add(Pairs / sw.Elapsed.TotalSeconds);
}
rates.Sort();
Console.WriteLine($"calendar 2013–2036 built in {build.Elapsed.TotalMilliseconds:F1} ms");
Console.WriteLine($"pairs per round: {Pairs:N0}; rounds: {rounds}; checksum {check % 1000}");
Console.WriteLine($"AddWorkingDays per second (one thread): median {rates[rates.Count / 2] / 1e6:F1} M, min {rates[0] / 1e6:F1} M, max {rates[^1] / 1e6:F1} M");
Console.WriteLine($"target ≥ 10 M/s: {(rates[rates.Count / 2] >= 10e6 ? "met" : "NOT met")}");
