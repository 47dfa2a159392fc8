using System.Globalization;
using Cchc.Core.Calendar;
using Cchc.Web.Shared;

namespace Cchc.Web.Features.Calendar;

public sealed record CalendarDayResponse(DateOnly Date, string Kind, string Name);

public sealed record DueDateResponse(DateOnly From, int Days, DateOnly Due, IReadOnlyList<CalendarDayResponse> HolidaysSkipped);

public sealed record HolidaysResponse(int Year, string LegalBasis, IReadOnlyList<CalendarDayResponse> DaysOff, IReadOnlyList<CalendarDayResponse> WorkingDays);

/// <summary>The public calendar API: other systems (one-stop software, report tools) compute due dates with the department's calendar.</summary>
public static class CalendarApi
{
    public const int MaxDays = 3650;

    public static void AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarProvider>();
        builder.Services.AddScoped<CalendarAdmin>();
    }

    public static void MapCalendar(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/calendar").AllowAnonymous().WithTags("Lịch làm việc");

        api.MapGet("/due-date", async (string? from, string? days, CalendarProvider provider, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var (first, last) = provider.Range;
            if (!TryDate(from, out var start))
                errors["from"] = ["Ngày bắt đầu phải có dạng YYYY-MM-DD, ví dụ 2025-01-24."];
            else if (start.Year < first || start.Year > last)
                errors["from"] = [$"Ngày bắt đầu phải trong các năm {first}–{last}."];
            if (!int.TryParse(days, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                errors["days"] = ["Số ngày làm việc phải là số nguyên, ví dụ 5."];
            else if (n is < -MaxDays or > MaxDays)
                errors["days"] = [$"Số ngày làm việc phải từ −{MaxDays} đến {MaxDays}."];
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: ApiErrors.ValidationTitle);

            var calendar = await provider.GetAsync(ct);
            DateOnly due;
            try
            {
                due = calendar.AddWorkingDays(start, n);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["days"] = [$"Ngày đến hạn vượt ra ngoài lịch làm việc hiện có ({first}–{last})."] },
                    title: ApiErrors.ValidationTitle);
            }
            var (low, high) = n >= 0 ? (start.AddDays(1), due) : (due, start.AddDays(-1));
            var skipped = DaysOffBetween(calendar, low, high);
            return Results.Ok(new DueDateResponse(start, n, due, skipped));
        })
        .WithName("CalendarDueDate")
        .WithSummary("Tính ngày đến hạn theo ngày làm việc")
        .WithDescription("""
            Cộng `days` ngày làm việc vào ngày `from` theo lịch làm việc của cơ quan hành chính: nghỉ cuối tuần, nghỉ lễ, tết
            theo Bộ luật Lao động và các điều chỉnh hằng năm (nghỉ bù, hoán đổi, làm bù) do quản trị viên nhập.
            Ngày `from` không được tính (Bộ luật Dân sự 2015, Điều 147): thứ Sáu + 1 ngày làm việc = thứ Hai.
            `days` âm đếm lùi (−1 = ngày làm việc gần nhất trước `from`); `days` = 0 trả về chính `from`.

            Ví dụ: `GET /api/v1/calendar/due-date?from=2025-01-24&days=1` →
            `{ "from": "2025-01-24", "days": 1, "due": "2025-02-03", "holidaysSkipped": [ { "date": "2025-01-27", "kind": "DayOff", "name": "Nghỉ hoán đổi dịp Tết Ất Tỵ 2025, làm bù thứ Bảy 08/02/2025" }, { "date": "2025-01-28", "kind": "PublicHoliday", "name": "Tết Âm lịch (…)" }, … ] }`.

            Lỗi 400 (ProblemDetails, tiếng Việt) khi ngày sai định dạng, ngoài phạm vi lịch, hoặc `days` ngoài khoảng −3650..3650.
            Không cần đăng nhập.
            """)
        .Produces<DueDateResponse>()
        .ProducesValidationProblem();

        api.MapGet("/holidays", async (string? year, CalendarProvider provider, CancellationToken ct) =>
        {
            var (first, last) = provider.Range;
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < first || y > last)
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["year"] = [$"Năm phải là số từ {first} đến {last}, ví dụ 2025."] },
                    title: ApiErrors.ValidationTitle);
            var calendar = await provider.GetAsync(ct);
            var days = calendar.HolidaysOf(y);
            return Results.Ok(new HolidaysResponse(
                y,
                provider.Rules.ForYear(y).LegalBasis,
                [.. days.Where(d => d.Kind != CalendarDayKind.WorkingDay).Select(Response)],
                [.. days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(Response)]));
        })
        .WithName("CalendarHolidays")
        .WithSummary("Ngày nghỉ lễ, nghỉ bù và ngày làm bù của một năm")
        .WithDescription("""
            Liệt kê các ngày nghỉ của năm `year` ngoài nghỉ cuối tuần: ngày lễ, tết theo luật (`kind` = `PublicHoliday`, tên tiếng Việt)
            và ngày nghỉ do điều chỉnh hằng năm (`DayOff`: nghỉ bù, nghỉ hoán đổi); `workingDays` là các ngày cuối tuần phải làm bù (`WorkingDay`).
            Thứ Bảy, Chủ nhật thông thường không được liệt kê.

            Ví dụ: `GET /api/v1/calendar/holidays?year=2025` →
            `{ "year": 2025, "legalBasis": "…", "daysOff": [ { "date": "2025-01-01", "kind": "PublicHoliday", "name": "Tết Dương lịch" }, … ], "workingDays": [ { "date": "2025-02-08", "kind": "WorkingDay", "name": "Làm bù cho ngày nghỉ hoán đổi 27/01/2025 (Tết Ất Tỵ)" } ] }`.
            Không cần đăng nhập.
            """)
        .Produces<HolidaysResponse>()
        .ProducesValidationProblem();
    }

    private static List<CalendarDayResponse> DaysOffBetween(WorkingCalendar calendar, DateOnly low, DateOnly high)
    {
        var result = new List<CalendarDayResponse>();
        if (high < low) return result;
        for (int year = low.Year; year <= high.Year; year++)
            result.AddRange(calendar.HolidaysOf(year)
                .Where(d => d.Kind != CalendarDayKind.WorkingDay && d.Date >= low && d.Date <= high)
                .Select(Response));
        return result;
    }

    private static CalendarDayResponse Response(SpecialDay d) => new(d.Date, d.Kind.ToString(), d.Name);

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
