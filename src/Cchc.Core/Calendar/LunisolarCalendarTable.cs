namespace Cchc.Core.Calendar;

/// <summary>A date of a Chinese-type lunisolar calendar; <see cref="IsLeapMonth"/> marks the intercalary month.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() => $"{Day:00}/{Month:00}{(IsLeapMonth ? " nhuận" : "")}/{Year}";
}

/// <summary>
/// The months of a Chinese-type lunisolar calendar computed for one meridian (a fixed UTC offset),
/// for lunar years <see cref="MinYear"/>..<see cref="MaxYear"/>. Vietnam uses UTC+7 (105°E, see
/// <see cref="VietnameseLunarCalendar"/>); China uses UTC+8, which tests use to check the algorithm
/// against .NET's <c>ChineseLunisolarCalendar</c>.
/// Rules (the ones every modern Chinese-type calendar applies): a month starts on the civil day of a new
/// moon; the month containing the December solstice is month 11; when 13 months lie between two such
/// months, the first of them that contains no principal solar term (a multiple of 30° of solar longitude)
/// is the leap month and repeats the number of the month before it.
/// </summary>
public sealed class LunisolarCalendarTable
{
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    private readonly int[] _monthStart;   // DayNumber of the first day of each month, plus one end marker
    private readonly int[] _monthYear;
    private readonly int[] _monthNumber;
    private readonly bool[] _monthLeap;
    private readonly int[] _firstMonthOfYear; // index into the arrays of month 1 of each lunar year

    public LunisolarCalendarTable(double utcOffsetHours)
    {
        UtcOffsetHours = utcOffsetHours;
        var starts = new List<int>();
        var years = new List<int>();
        var numbers = new List<int>();
        var leaps = new List<bool>();

        // The sui (solstice year) ending at the solstice of year y holds months 11, 12 of lunar year y-1
        // and months 1..10 of lunar year y. Suis ending 1900..2200 cover lunar years 1900..2199 and more.
        int endMonth = 0;
        for (int y = MinYear; y <= MaxYear + 1; y++)
        {
            int kA = Month11Lunation(y - 1);
            int kB = Month11Lunation(y);
            int count = kB - kA;
            int leapIndex = count == 13 ? FirstMonthWithoutPrincipalTerm(kA, kB, y) : -1;

            int number = 11;
            bool newYearPassed = false;
            for (int i = 0; i < count; i++)
            {
                bool leap = i == leapIndex;
                if (i > 0 && !leap)
                {
                    number = number % 12 + 1;
                }

                if (number == 1 && !leap)
                {
                    newYearPassed = true;
                }

                starts.Add(NewMoonDay(kA + i));
                years.Add(newYearPassed ? y : y - 1);
                numbers.Add(number);
                leaps.Add(leap);
            }

            endMonth = NewMoonDay(kB);
        }

        starts.Add(endMonth);
        _monthStart = [.. starts];
        _monthYear = [.. years];
        _monthNumber = [.. numbers];
        _monthLeap = [.. leaps];

        _firstMonthOfYear = new int[MaxYear - MinYear + 2];
        for (int i = 0; i < _monthYear.Length; i++)
        {
            int y = _monthYear[i];
            if (y >= MinYear && y <= MaxYear + 1 && _monthNumber[i] == 1 && !_monthLeap[i])
            {
                _firstMonthOfYear[y - MinYear] = i;
            }
        }
    }

    public double UtcOffsetHours { get; }

    /// <summary>First solar date covered (lunar new year of <see cref="MinYear"/>).</summary>
    public DateOnly MinSolarDate => DateOnly.FromDayNumber(_monthStart[_firstMonthOfYear[0]]);

    /// <summary>Last solar date covered (the last day of lunar year <see cref="MaxYear"/>).</summary>
    public DateOnly MaxSolarDate => DateOnly.FromDayNumber(_monthStart[_firstMonthOfYear[MaxYear - MinYear + 1]] - 1);

    public LunarDate FromSolar(DateOnly date)
    {
        if (date < MinSolarDate || date > MaxSolarDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"The lunar calendar covers {MinSolarDate:yyyy-MM-dd}..{MaxSolarDate:yyyy-MM-dd}.");
        }

        int day = date.DayNumber;
        int index = Array.BinarySearch(_monthStart, day);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new LunarDate(_monthYear[index], _monthNumber[index], day - _monthStart[index] + 1, _monthLeap[index]);
    }

    public DateOnly ToSolar(LunarDate date)
    {
        int index = MonthIndex(date.Year, date.Month, date.IsLeapMonth);
        int length = _monthStart[index + 1] - _monthStart[index];
        if (date.Day < 1 || date.Day > length)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"Lunar month {date.Month}/{date.Year} has {length} days.");
        }

        return DateOnly.FromDayNumber(_monthStart[index] + date.Day - 1);
    }

    /// <summary>Day 1 of month 1 of lunar year <paramref name="year"/> (Tết Nguyên đán in Vietnam).</summary>
    public DateOnly NewYear(int year) => ToSolar(new LunarDate(year, 1, 1));

    /// <summary>The number of the month that is repeated in <paramref name="year"/>, or null in a common year.</summary>
    public int? LeapMonthOf(int year)
    {
        CheckYear(year);
        for (int i = _firstMonthOfYear[year - MinYear]; i < _firstMonthOfYear[year - MinYear + 1]; i++)
        {
            if (_monthLeap[i])
            {
                return _monthNumber[i];
            }
        }

        return null;
    }

    /// <summary>29 or 30.</summary>
    public int DaysInMonth(int year, int month, bool isLeapMonth = false)
    {
        int index = MonthIndex(year, month, isLeapMonth);
        return _monthStart[index + 1] - _monthStart[index];
    }

    private int MonthIndex(int year, int month, bool isLeapMonth)
    {
        CheckYear(year);
        for (int i = _firstMonthOfYear[year - MinYear]; i < _firstMonthOfYear[year - MinYear + 1]; i++)
        {
            if (_monthNumber[i] == month && _monthLeap[i] == isLeapMonth)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(month), month,
            isLeapMonth ? $"Lunar year {year} has no leap month {month}." : $"Lunar year {year} has no month {month}.");
    }

    private static void CheckYear(int year)
    {
        if (year < MinYear || year > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Lunar years {MinYear}..{MaxYear} are covered.");
        }
    }

    private int NewMoonDay(int k) =>
        Astronomy.LocalDayNumber(Astronomy.JdeToJdUt(Astronomy.NewMoonJde(k)), UtcOffsetHours);

    private int SolsticeDay(int year) => TermDay(270.0, year);

    /// <summary>Local civil day on which the sun reaches <paramref name="longitude"/> in the sui ending in <paramref name="year"/>.</summary>
    private int TermDay(double longitude, int year)
    {
        // Guess from the December solstice of year-1 (about Dec 21) moving ~30.44 days per 30°.
        double solsticeGuess = 1721425.5 + new DateOnly(year - 1, 12, 21).DayNumber;
        double steps = ((longitude - 270.0) % 360.0 + 360.0) % 360.0 / 30.0;
        if (steps == 0)
        {
            steps = 12; // the solstice ending the sui, not the one starting it
        }

        double jde = Astronomy.SolarLongitudeInstant(longitude, solsticeGuess + steps * 30.436875);
        return Astronomy.LocalDayNumber(Astronomy.JdeToJdUt(jde), UtcOffsetHours);
    }

    /// <summary>The lunation whose civil month contains the December solstice of <paramref name="year"/>.</summary>
    private int Month11Lunation(int year)
    {
        int solstice = SolsticeDay(year);
        double jd = solstice + Astronomy.DayNumberToJulianDayNumber;
        int k = (int)Math.Floor((jd - 2451550.09766) / Astronomy.SynodicMonth) + 1;
        while (NewMoonDay(k) > solstice)
        {
            k--;
        }

        while (NewMoonDay(k + 1) <= solstice)
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Index (from the starting month 11) of the first month of a 13-month sui with no principal term,
    /// i.e. no solstice, equinox or other multiple of 30° of solar longitude falling on one of its days.
    /// </summary>
    private int FirstMonthWithoutPrincipalTerm(int kA, int kB, int year)
    {
        // The 12 principal terms after the starting solstice: 300°, 330°, 0°, …, 270° (the ending solstice).
        var termDays = new int[12];
        for (int j = 0; j < 12; j++)
        {
            termDays[j] = TermDay((300.0 + 30.0 * j) % 360.0, year);
        }

        for (int i = 1; i < kB - kA; i++)
        {
            int start = NewMoonDay(kA + i);
            int end = NewMoonDay(kA + i + 1);
            if (!termDays.Any(d => d >= start && d < end))
            {
                return i;
            }
        }

        // Cannot happen astronomically (13 months and 12 terms); keep the last month as a safe default.
        return kB - kA - 1;
    }
}
