using System.Globalization;

namespace Cchc.Web.Shared;

/// <summary>
/// Dates as people in Việt Nam read them: Asia/Ho_Chi_Minh (UTC+7, no daylight saving), dd/MM/yyyy.
/// Instants are stored in UTC (architecture.md) and converted only for display and for "today".
/// </summary>
public static class VnTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The calendar day in Việt Nam at <paramref name="utc"/>.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The UTC instant at which <paramref name="day"/> begins in Việt Nam.</summary>
    public static DateTime StartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? day) => day is { } d ? Date(d) : "";

    public static string Date(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateAndTime(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads dd/MM/yyyy (also d/M/yyyy) as typed by a Vietnamese user.</summary>
    public static bool TryParseDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact((text ?? "").Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
