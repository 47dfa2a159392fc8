using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Web.Data;
using Cchc.Web.Features.Dossiers;
using Cchc.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Demo;

/// <summary>
/// Three dozen demo dossiers at the department's one-stop desk (Văn phòng Sở), received over the last weeks,
/// in every state: in time, due soon, overdue (some with an apology), with a supplement, resolved early, on time
/// or late, delivered, refused. Invented applicants; phone numbers end in 0000–0035 for the public lookup.
/// </summary>
public static class DemoDossiers
{
    private static readonly string[] Names =
    [
        "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
        "Đặng Văn Hùng", "Bùi Thị Lan", "Đỗ Văn Minh", "Hồ Thị Ngọc", "Ngô Văn Phúc", "Dương Thị Quỳnh",
    ];

    /// <summary>The department's one-stop desk (Văn phòng Sở), where the hand-made dossiers are; the generated ones are elsewhere.</summary>
    public const string DeskCode = "DEMO-VP";

    public static async Task<bool> SeedAsync(CchcDb db, WorkingCalendar calendar, DateTime nowUtc, CancellationToken ct)
    {
        var desk = await db.Units.FirstOrDefaultAsync(u => u.Code == DeskCode, ct);
        if (desk is null || await db.Dossiers().AnyAsync(d => d.IsDemo && d.ReceivingUnitId == desk.Id, ct)) return false;
        var procedures = await db.Procedures().Where(p => p.IsDemo && p.Code.StartsWith("DEMO.1.") && p.ProcessingAmount > 0)
            .OrderBy(p => p.Code).ToListAsync(ct);
        if (procedures.Count == 0) return false;

        var clock = new DossierClock(calendar);
        var officer = new DossierActor("Hoàng Văn Cửa (demo)", null, DossierEventSource.Desk);
        var specialist = new DossierActor("Chuyên viên (demo)", null, DossierEventSource.Desk);
        var today = VietnamTime.LocalDate(nowUtc);
        var agency = DossierService.AgencyCode(desk);
        var perDay = new Dictionary<DateOnly, int>();
        for (int i = 0; i < 36; i++)
        {
            var procedure = procedures[i % procedures.Count];
            var day = calendar.AddWorkingDays(today, -(i + 1));
            var at = VietnamTime.ToUtc(day, new TimeOnly(8 + i % 8, 15));
            int seq = perDay[day] = perDay.GetValueOrDefault(day) + 1;
            var d = Dossier.Receive(agency, seq, procedure, desk.Id, new Applicant(Names[i % Names.Length], $"09{i % 7}1234{i:D4}", null, "Thành phố Demo"),
                i % 5 == 4 ? SubmissionChannel.Post : SubmissionChannel.Desk, at, "Đơn đề nghị\nBản sao giấy tờ tùy thân", officer, clock);
            d.MarkDemo();
            var t = at.AddHours(1);
            if (i % 9 == 8)
            {
                d.Act(DossierAction.StartProcessing, t, officer, null, clock);
                d.Stop("Hồ sơ không đủ điều kiện theo quy định (demo).", t.AddDays(1), specialist);
            }
            else if (i % 4 != 3)
            {
                d.Act(DossierAction.StartProcessing, t, officer, null, clock);
                if (i % 6 == 2)
                {
                    d.RequestSupplement("Bổ sung bản sao có chứng thực (demo).", t.AddHours(2), specialist);
                    if (i % 12 == 2) d.Resubmit(t.AddDays(2), officer, null, clock);
                }
                if (d.Status == DossierStatus.InProgress && i % 3 == 0 && d.DueAtUtc is { } due)
                {
                    // Finished early, on time or late around the due date, but never in the future.
                    var finish = (i % 2 == 0 ? due.AddDays(-2) : due.AddDays(1).AddHours(-20));
                    if (finish > nowUtc.AddDays(-2)) finish = nowUtc.AddDays(-2);
                    var last = d.Events.Max(e => e.AtUtc);
                    if (finish <= last) finish = last.AddHours(1);
                    if (finish < nowUtc)
                    {
                        d.Resolve(finish, specialist, null, electronic: i % 2 == 0, digitised: i % 4 == 0);
                        if (finish.AddDays(1) < nowUtc) d.Deliver(i % 5 == 4 ? ReturnMethod.Post : ReturnMethod.Desk, finish.AddDays(1), officer, null);
                    }
                }
                else if (d.Status == DossierStatus.InProgress && i % 7 == 2 && d.DueDate is { } dueDate && dueDate > today)
                {
                    d.DraftApology("Cần xác minh thêm với cơ sở giáo dục (demo).", calendar.AddWorkingDays(dueDate, 3), t.AddHours(4), specialist, clock);
                    d.MarkApologySent(t.AddHours(5), officer);
                }
            }
            db.Dossiers().Add(d);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
