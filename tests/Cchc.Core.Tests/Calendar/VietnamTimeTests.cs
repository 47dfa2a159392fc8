using Cchc.Core.Calendar;

namespace Cchc.Core.Tests.Calendar;

public sealed class VietnamTimeTests
{
    [Fact]
    public void Six_in_the_morning_in_Hanoi_is_23h_UTC_the_day_before()
    {
        // style.md "Time, dates, numbers"; Vietnam is UTC+7 all year (no daylight saving).
        var utc = new DateTime(2025, 3, 2, 23, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2025, 3, 3, 6, 0, 0), VietnamTime.ToLocal(utc));
        Assert.Equal(new DateOnly(2025, 3, 3), VietnamTime.LocalDate(utc));
        Assert.Equal(utc, VietnamTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(6, 0)));
        Assert.Equal(DateTimeKind.Utc, VietnamTime.ToUtc(new DateTime(2025, 3, 3, 6, 0, 0)).Kind);
    }

    [Fact]
    public void A_machine_local_DateTime_is_refused_because_it_is_ambiguous() =>
        Assert.Throws<ArgumentException>(() => VietnamTime.ToLocal(new DateTime(2025, 3, 3, 6, 0, 0, DateTimeKind.Local)));
}
