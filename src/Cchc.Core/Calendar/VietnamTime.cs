namespace Cchc.Core.Calendar;

/// <summary>
/// Vietnam's civil time: a fixed UTC+7 with no daylight saving, so a constant offset is exact and needs no
/// time-zone database (style.md: a dossier received at 06:00 in Hà Nội is 23:00 UTC the day before).
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>Local wall-clock time of a UTC instant (Kind Utc or Unspecified, taken as UTC).</summary>
    public static DateTime ToLocal(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Instants are UTC; a machine-local DateTime is ambiguous.", nameof(utc));
        }

        return DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);
    }

    /// <summary>The UTC instant of a Vietnam wall-clock time.</summary>
    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static DateTime ToUtc(DateOnly date, TimeOnly time) => ToUtc(date.ToDateTime(time));

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));
}
