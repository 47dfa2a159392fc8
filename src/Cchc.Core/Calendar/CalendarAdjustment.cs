namespace Cchc.Core.Calendar;

public enum CalendarAdjustmentKind
{
    /// <summary>The date is off although the rules make it a working day (nghỉ bù, ngày nghỉ hoán đổi).</summary>
    DayOff,

    /// <summary>The date is worked although the rules make it a day off (ngày làm bù).</summary>
    WorkingDay,
}

/// <summary>
/// One yearly decision that overrides the holiday rules for a date: compensatory days off (Labour Code
/// 2019 art. 111.3), the Prime Minister's choice of Tết and Quốc khánh days (art. 112.3) and the civil
/// service's swaps of working days. Entered by an admin per year; the calendar applies them as given.
/// </summary>
public sealed record CalendarAdjustment(DateOnly Date, CalendarAdjustmentKind Kind, string Reason);
