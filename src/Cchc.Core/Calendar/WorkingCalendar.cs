using Cchc.Core.Common;

namespace Cchc.Core.Calendar;

/// <summary>A day of the calendar that is not an ordinary weekday or weekend, with its Vietnamese name.</summary>
public sealed record SpecialDay(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>
/// Working days of the civil service for a range of years: weekly rest days and public holidays from the
/// holiday rules, then the admin's <see cref="CalendarAdjustment"/>s, which win over the rules.
/// Every query is O(1): the constructor stores, per day, the number of working days before it, and the
/// inverse index from a working-day ordinal to its day (domain-rules A4 step 2, B1.1).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly int _firstDay;          // DayNumber of 1 January of FirstYear
    private readonly int[] _workingBefore;   // [i] = working days among days [0, i); length = days + 1
    private readonly int[] _dayOfWorking;    // [k] = day index of the k-th working day (0-based)
    private readonly Dictionary<int, IReadOnlyList<SpecialDay>> _specialDays = [];

    public WorkingCalendar(HolidayRuleBook rules, IEnumerable<CalendarAdjustment> adjustments, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(adjustments);
        if (lastYear < firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, "The last year precedes the first.");
        }

        FirstYear = firstYear;
        LastYear = lastYear;
        _firstDay = new DateOnly(firstYear, 1, 1).DayNumber;
        int dayCount = new DateOnly(lastYear, 12, 31).DayNumber - _firstDay + 1;

        var byDate = new Dictionary<DateOnly, CalendarAdjustment>();
        foreach (var adjustment in adjustments)
        {
            if (!byDate.TryAdd(adjustment.Date, adjustment))
            {
                throw new RuleViolation($"Ngày {adjustment.Date:dd/MM/yyyy} được điều chỉnh nhiều hơn một lần.", nameof(CalendarAdjustment.Date));
            }
        }

        var working = new bool[dayCount];
        for (int year = firstYear; year <= lastYear; year++)
        {
            var ruleSet = rules.ForYear(year);
            var holidays = ruleSet.HolidaysOf(year).GroupBy(h => h.Date)
                .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(h => h.Name)));
            var special = new List<SpecialDay>();
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            for (var date = start; date <= end; date = date.AddDays(1))
            {
                bool isWorking = !ruleSet.WeeklyRestDays.Contains(date.DayOfWeek) && !holidays.ContainsKey(date);
                if (byDate.TryGetValue(date, out var adjustment))
                {
                    isWorking = adjustment.Kind == CalendarAdjustmentKind.WorkingDay;
                    special.Add(new SpecialDay(date, isWorking ? CalendarDayKind.WorkingDay : CalendarDayKind.DayOff, adjustment.Reason));
                }
                else if (holidays.TryGetValue(date, out var name))
                {
                    special.Add(new SpecialDay(date, CalendarDayKind.PublicHoliday, name));
                }

                working[date.DayNumber - _firstDay] = isWorking;
            }

            _specialDays[year] = special;
        }

        _workingBefore = new int[dayCount + 1];
        for (int i = 0; i < dayCount; i++)
        {
            _workingBefore[i + 1] = _workingBefore[i] + (working[i] ? 1 : 0);
        }

        _dayOfWorking = new int[_workingBefore[dayCount]];
        for (int i = 0; i < dayCount; i++)
        {
            if (working[i])
            {
                _dayOfWorking[_workingBefore[i]] = i;
            }
        }
    }

    public int FirstYear { get; }

    public int LastYear { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        int i = Index(date);
        return _workingBefore[i + 1] != _workingBefore[i];
    }

    /// <summary>
    /// Counts from the day after <paramref name="start"/>: Friday + 1 working day is Monday (Civil Code 2015
    /// art. 147.2: the first day of a period is not counted). Negative <paramref name="days"/> count back:
    /// −1 is the last working day before <paramref name="start"/>. Zero returns <paramref name="start"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        if (days == 0)
        {
            return start;
        }

        int i = Index(start);
        long ordinal = days > 0 ? (long)_workingBefore[i + 1] + days - 1 : (long)_workingBefore[i] + days;
        if (ordinal < 0 || ordinal >= _dayOfWorking.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days,
                $"{start:yyyy-MM-dd} + {days} working days leaves the calendar ({FirstYear}–{LastYear}).");
        }

        return DateOnly.FromDayNumber(_firstDay + _dayOfWorking[ordinal]);
    }

    /// <summary>
    /// Working days from <paramref name="from"/> to <paramref name="to"/>, not counting <paramref name="from"/>
    /// and counting <paramref name="to"/>; negative when <paramref name="to"/> is earlier. The inverse of
    /// <see cref="AddWorkingDays"/>: <c>CountWorkingDays(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        int f = Index(from);
        int t = Index(to);
        return t >= f
            ? _workingBefore[t + 1] - _workingBefore[f + 1]
            : -(_workingBefore[f] - _workingBefore[t]);
    }

    /// <summary>The first working day after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary><paramref name="date"/> itself when it is a working day, else the next one (Civil Code 2015 art. 148.5).</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>Public holidays, days off and make-up working days of <paramref name="year"/>, by date.</summary>
    public IReadOnlyList<SpecialDay> HolidaysOf(int year) =>
        _specialDays.TryGetValue(year, out var days)
            ? days
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"The calendar covers {FirstYear}–{LastYear}.");

    private int Index(DateOnly date)
    {
        int i = date.DayNumber - _firstDay;
        if ((uint)i >= (uint)(_workingBefore.Length - 1))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The calendar covers {FirstYear}–{LastYear}.");
        }

        return i;
    }
}
