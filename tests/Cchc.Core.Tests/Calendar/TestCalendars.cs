using System.Globalization;
using Cchc.Core.Calendar;

namespace Cchc.Core.Tests.Calendar;

/// <summary>The calendars the tests share, built once (the constructor precomputes every year).</summary>
internal static class TestCalendars
{
    /// <summary>
    /// The civil-service swaps of 2025 as an admin would enter them (⚠️ domain-rules A4 asks to verify
    /// against the official notice): Tết off from Sat 25/01 to Sun 02/02 with Mon 27/01 made up on Sat 08/02;
    /// Fri 02/05 off, made up on Sat 26/04.
    /// </summary>
    public static readonly CalendarAdjustment[] Swaps2025 =
    [
        new(D("2025-01-27"), CalendarAdjustmentKind.DayOff, "Nghỉ hoán đổi dịp Tết Ất Tỵ, làm bù thứ Bảy 08/02/2025"),
        new(D("2025-02-08"), CalendarAdjustmentKind.WorkingDay, "Làm bù cho ngày 27/01/2025"),
        new(D("2025-04-26"), CalendarAdjustmentKind.WorkingDay, "Làm bù cho ngày 02/05/2025"),
        new(D("2025-05-02"), CalendarAdjustmentKind.DayOff, "Nghỉ hoán đổi dịp 30/4–1/5, làm bù thứ Bảy 26/04/2025"),
    ];

    /// <summary>Calendar A of domain-rules A4: statutory holidays only.</summary>
    public static readonly WorkingCalendar Statutory = new(VietnamHolidayRules.Default, [], 2013, 2050);

    /// <summary>Calendar B of domain-rules A4: statutory holidays and the 2025 swaps.</summary>
    public static readonly WorkingCalendar With2025Swaps = new(VietnamHolidayRules.Default, Swaps2025, 2013, 2050);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
