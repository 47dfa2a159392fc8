using Cchc.Core.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Calendar;

/// <summary>
/// One row of <c>calendar_adjustments</c>: a yearly decision (compensatory day, swapped day off, make-up
/// Saturday) an administrator entered. Who and when are in the audit log (every save is audited).
/// </summary>
public sealed class CalendarAdjustmentRecord
{
    private CalendarAdjustmentRecord() { }

    public CalendarAdjustmentRecord(DateOnly date, CalendarAdjustmentKind kind, string reason)
    {
        Date = date;
        Kind = kind;
        Reason = reason.Trim();
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarAdjustmentKind Kind { get; private set; }
    public string Reason { get; private set; } = "";

    public CalendarAdjustment ToCore() => new(Date, Kind, Reason);
}

internal sealed class CalendarAdjustmentConfiguration : IEntityTypeConfiguration<CalendarAdjustmentRecord>
{
    public void Configure(EntityTypeBuilder<CalendarAdjustmentRecord> b)
    {
        b.ToTable("calendar_adjustments");
        b.Property(a => a.Kind).HasConversion<int>();
        b.Property(a => a.Reason).HasMaxLength(CalendarInput.ReasonMaxLength).IsRequired();
        // The calendar refuses the same date twice; the database does too, against two admins racing.
        b.HasIndex(a => a.Date).IsUnique();
    }
}
