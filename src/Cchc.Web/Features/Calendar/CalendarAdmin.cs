using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cchc.Core.Calendar;
using Cchc.Core.Common;
using Cchc.Web.Data;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Calendar;

/// <summary>The admin's form for one adjustment.</summary>
public sealed class CalendarInput
{
    public const int ReasonMaxLength = 300;

    [Required(ErrorMessage = "Vui lòng nhập ngày.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn loại điều chỉnh.")]
    public CalendarAdjustmentKind? Kind { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập lý do (căn cứ văn bản).")]
    [StringLength(ReasonMaxLength, ErrorMessage = "Lý do tối đa 300 ký tự.")]
    public string? Reason { get; set; }
}

/// <summary>What the calendar page shows for one year.</summary>
public sealed record CalendarYear(
    int Year,
    string LegalBasis,
    IReadOnlyList<PublicHoliday> LawHolidays,
    IReadOnlyList<CalendarAdjustmentRecord> Adjustments,
    IReadOnlyList<CalendarAdjustment> Proposals);

/// <summary>Reads and edits the yearly adjustments; every change drops the cached calendar.</summary>
public sealed class CalendarAdmin(CchcDb db, CalendarProvider provider)
{
    public async Task<CalendarYear> YearAsync(int year, CancellationToken ct)
    {
        CheckYear(year);
        var rules = provider.Rules.ForYear(year);
        var adjustments = await OfYearAsync(year, ct);
        var taken = adjustments.Select(a => a.Date).ToHashSet();
        var proposals = VietnamHolidayRules.ProposeCompensatoryDays(rules, year).Where(p => !taken.Contains(p.Date)).ToList();
        return new CalendarYear(year, rules.LegalBasis, rules.HolidaysOf(year), adjustments, proposals);
    }

    public async Task<CalendarAdjustmentRecord> AddAsync(DateOnly date, CalendarAdjustmentKind kind, string reason, int year, CancellationToken ct)
    {
        CheckYear(year);
        if (date.Year != year)
            throw new RuleViolation($"Ngày {VnTime.Date(date)} không thuộc năm {year}.", nameof(CalendarInput.Date));
        if (await db.CalendarAdjustments().AnyAsync(a => a.Date == date, ct))
            throw new RuleViolation($"Ngày {VnTime.Date(date)} đã có điều chỉnh; xóa điều chỉnh cũ trước khi nhập lại.", nameof(CalendarInput.Date));
        if (string.IsNullOrWhiteSpace(reason))
            throw new RuleViolation("Vui lòng nhập lý do (căn cứ văn bản).", nameof(CalendarInput.Reason));
        var rules = provider.Rules.ForYear(year);
        bool offByLaw = rules.WeeklyRestDays.Contains(date.DayOfWeek) || rules.HolidaysOf(year).Any(h => h.Date == date);
        if (kind == CalendarAdjustmentKind.DayOff && offByLaw)
            throw new RuleViolation($"Ngày {VnTime.Date(date)} ({DayName(date)}) vốn đã là ngày nghỉ; không cần điều chỉnh.", nameof(CalendarInput.Date));
        if (kind == CalendarAdjustmentKind.WorkingDay && !offByLaw)
            throw new RuleViolation($"Ngày {VnTime.Date(date)} ({DayName(date)}) vốn đã là ngày làm việc; không cần điều chỉnh.", nameof(CalendarInput.Date));
        var record = new CalendarAdjustmentRecord(date, kind, reason);
        db.CalendarAdjustments().Add(record);
        await db.SaveChangesAsync(ct);
        provider.Invalidate();
        return record;
    }

    public async Task RemoveAsync(int id, CancellationToken ct)
    {
        var record = await db.CalendarAdjustments().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new RuleViolation("Điều chỉnh này không còn tồn tại (có thể đã được người khác xóa).");
        db.CalendarAdjustments().Remove(record);
        await db.SaveChangesAsync(ct);
        provider.Invalidate();
    }

    public async Task<List<CalendarAdjustmentRecord>> OfYearAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.CalendarAdjustments().AsNoTracking().Where(a => a.Date >= from && a.Date <= to).OrderBy(a => a.Date).ToListAsync(ct);
    }

    public void CheckYear(int year)
    {
        var (first, last) = provider.Range;
        if (year < first || year > last)
            throw new RuleViolation($"Năm phải từ {first} đến {last}.", "year");
    }

    public static string DayName(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };

    public static string KindName(CalendarAdjustmentKind kind) =>
        kind == CalendarAdjustmentKind.DayOff ? "Ngày nghỉ (nghỉ bù, nghỉ hoán đổi)" : "Ngày làm việc (làm bù)";

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The official adjustments known when the product shipped, inserted once at first start as data (the
/// calendar code knows none of them). Only what the project's sources state (style.md, domain-rules A4);
/// an uncertain one says so in its reason, for the admin to check against the notice.
/// </summary>
public static class CalendarSeed
{
    public static readonly CalendarAdjustment[] Known =
    [
        // style.md: 24/01/2025 + 1 working day = 03/02/2025 (Tết Ất Tỵ: Monday 27/01 swapped with Saturday 08/02).
        new(new DateOnly(2025, 1, 27), CalendarAdjustmentKind.DayOff, "Nghỉ hoán đổi dịp Tết Ất Tỵ 2025, làm bù thứ Bảy 08/02/2025"),
        new(new DateOnly(2025, 2, 8), CalendarAdjustmentKind.WorkingDay, "Làm bù cho ngày nghỉ hoán đổi 27/01/2025 (Tết Ất Tỵ)"),
        // domain-rules A4, calendar B ⚠️ "verify against the official notice".
        new(new DateOnly(2025, 5, 2), CalendarAdjustmentKind.DayOff, "Nghỉ hoán đổi dịp 30/4–1/5/2025, làm bù thứ Bảy 26/04/2025 (chưa đối chiếu văn bản chính thức – cần kiểm tra)"),
        new(new DateOnly(2025, 4, 26), CalendarAdjustmentKind.WorkingDay, "Làm bù cho ngày nghỉ hoán đổi 02/05/2025 (chưa đối chiếu văn bản chính thức – cần kiểm tra)"),
    ];

    /// <summary>Inserts the known adjustments once, on an empty table (an admin's later deletions stay deleted).</summary>
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDb>();
        if (await db.CalendarAdjustments().AnyAsync(ct)) return;
        if (await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CalendarAdjustmentRecord), ct)) return;
        db.CalendarAdjustments().AddRange(Known.Select(k => new CalendarAdjustmentRecord(k.Date, k.Kind, k.Reason)));
        await db.SaveChangesAsync(ct);
        scope.ServiceProvider.GetRequiredService<CalendarProvider>().Invalidate();
    }
}
