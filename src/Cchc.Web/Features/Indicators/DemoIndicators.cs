using Cchc.Core.Indicators;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// Demo data for the indicator pages (marked "dữ liệu mẫu", Development only through DemoData): a 2025
/// implementation plan of the demo Sở whose tasks are led by schools before and after the 01/07/2025
/// reorganisation (some on time, some late, some overdue) with targets on computed indicators, the two
/// district Phòng GDĐT's own plans under the demo plan (one on time, one late), and entered figures with
/// their evidence notes for offices and communes.
/// </summary>
public static class DemoIndicators
{
    public const string Title = "Kế hoạch triển khai nhiệm vụ CCHC tại các cơ sở giáo dục năm 2025 (dữ liệu mẫu)";

    private static readonly (string Lead, string Deadline, string Content, int? DoneMonth, int DoneDay)[] Tasks =
    [
        ("DEMO-TH-DS", "Quý I/2025", "Niêm yết công khai thủ tục hành chính tại trường", 3, 20),
        ("DEMO-THCS-DS", "Quý I/2025", "Rà soát quy chế dân chủ cơ sở của nhà trường", 3, 28),
        ("DEMO-MN-TH", "Quý I/2025", "Cập nhật hồ sơ trẻ lên cơ sở dữ liệu ngành", 4, 10),
        ("DEMO-TH-TH", "Quý II/2025", "Triển khai học bạ số", 6, 25),
        ("DEMO-THCS-TP", "Quý II/2025", "Sử dụng văn bản điện tử có chữ ký số", 7, 15),
        ("DEMO-TH-DH", "Quý III/2025", "Thanh toán không dùng tiền mặt các khoản thu", 9, 12),
        ("DEMO-TH-DS", "Quý III/2025", "Số hóa hồ sơ học sinh", 9, 30),
        ("DEMO-THCS-DH", "Quý IV/2025", "Đánh giá, xếp loại viên chức theo vị trí việc làm", 12, 20),
        ("DEMO-MN-DS", "Quý IV/2025", "Tự kiểm tra công tác cải cách hành chính", null, 0),
        ("DEMO-THPT-DS", "Quý II/2025", "Triển khai tuyển sinh trực tuyến vào lớp 10", 6, 1),
        ("DEMO-THPT-TP", "Quý III/2025", "Công khai dự toán, quyết toán ngân sách", null, 0),
        ("DEMO-THPT-CT", "Quý IV/2025", "Tổ chức đối thoại với cha mẹ học sinh", 11, 30),
    ];

    private static readonly (string Unit, string Code, PeriodKind Kind, int Number, double? N, double? D, double? V, string Note)[] Entries =
    [
        ("DEMO-VP", IndicatorCodes.EDocumentSignedRate, PeriodKind.Quarter, 1, 410, 450, null, "Báo cáo quý I/2025 của Văn phòng Sở (dữ liệu mẫu)"),
        ("DEMO-VP", IndicatorCodes.EDocumentSignedRate, PeriodKind.Quarter, 2, 455, 470, null, "Báo cáo quý II/2025 của Văn phòng Sở (dữ liệu mẫu)"),
        ("DEMO-VP", IndicatorCodes.EDocumentSignedRate, PeriodKind.Quarter, 3, 470, 480, null, "Báo cáo quý III/2025 của Văn phòng Sở (dữ liệu mẫu)"),
        ("DEMO-VHXH-DS", IndicatorCodes.EDocumentSignedRate, PeriodKind.Quarter, 3, 150, 190, null, "Báo cáo quý III/2025 của Phòng Văn hóa – Xã hội xã Đông Sơn (dữ liệu mẫu)"),
        ("DEMO-TCCB", IndicatorCodes.StaffTrainedRate, PeriodKind.Year, 1, 38, 42, null, "Danh sách bồi dưỡng năm 2025 (dữ liệu mẫu)"),
        ("DEMO-VP", IndicatorCodes.BusinessDialoguesPerYear, PeriodKind.Month, 5, null, null, 1, "Biên bản đối thoại ngày 15/5/2025 (dữ liệu mẫu)"),
        ("DEMO-VP", IndicatorCodes.BusinessDialoguesPerYear, PeriodKind.Month, 11, null, null, 1, "Biên bản đối thoại ngày 20/11/2025 (dữ liệu mẫu)"),
    ];

    /// <summary>Adds the demo indicator data unless it is there; true when it was created.</summary>
    public static async Task<bool> SeedAsync(CchcDb db, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(p => p.Title == Title, ct)) return false;
        var units = await db.Units.Where(u => u.Code.StartsWith("DEMO-")).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        if (!units.TryGetValue(Demo.DemoData.DepartmentCode, out var department)) return false;

        var plan = new Plan(department, Title, 2025, 2025);
        plan.SetPurpose("Theo dõi việc thực hiện nhiệm vụ cải cách hành chính tại các cơ sở giáo dục (dữ liệu mẫu).", null);
        plan.AddTarget(new Target(IndicatorCodes.TaskCompletionRate, null, Comparator.AtLeast, 90, "%", 2025));
        plan.AddTarget(new Target(IndicatorCodes.ProcedureOnlineCoverage, null, Comparator.AtLeast, 80, "%", 2025));
        plan.AddTarget(new Target(IndicatorCodes.EDocumentSignedRate, null, Comparator.AtLeast, 90, "%", 2025));
        plan.AddTarget(new Target(IndicatorCodes.BusinessDialoguesPerYear, null, Comparator.AtLeast, 2, "times", 2025));
        var number = 1;
        var created = new List<(PlanTask Task, int? Month, int Day)>();
        foreach (var row in Tasks)
        {
            if (!units.TryGetValue(row.Lead, out var lead)) continue;
            var task = plan.AddTask(new PlanTask((number++).ToString(System.Globalization.CultureInfo.InvariantCulture), row.Content, null,
                DeadlineParser.Parse(row.Deadline, 2025)));
            task.Assign(lead, []);
            created.Add((task, row.DoneMonth, row.DoneDay));
        }
        plan.Issue("15/KH-SGDĐT (mẫu)", new DateOnly(2025, 1, 15));
        foreach (var (task, month, day) in created)
            if (month is int m) task.Complete(new DateOnly(2025, m, day));
        db.Plans.Add(plan);

        // The district offices' own plans under the demo Sở's 2025 plan (child-plan deadline 25/01/2025).
        var parent = await db.Plans.Include(p => p.Tasks).Include(p => p.Targets).Include(p => p.Sections).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Title == Plans.DemoPlan.Title, ct);
        if (parent is not null && parent.Status == PlanStatus.Issued)
            foreach (var (code, issued) in new[] { ("DEMO-PGD-DS", new DateOnly(2025, 1, 22)), ("DEMO-PGD-TH", new DateOnly(2025, 2, 6)) })
                if (units.TryGetValue(code, out var unitId))
                {
                    var child = PlanCascade.CopyForChild(parent, unitId, Array.Empty<int>());
                    child.Describe($"Kế hoạch Cải cách hành chính năm 2025 của {(code.EndsWith("DS", StringComparison.Ordinal) ? "Phòng GDĐT huyện Đông Sơn" : "Phòng GDĐT huyện Tây Hòa")} (dữ liệu mẫu)", 2025, 2025);
                    child.Issue($"{(code.EndsWith("DS", StringComparison.Ordinal) ? 3 : 7)}/KH-PGDĐT (mẫu)", issued);
                    db.Plans.Add(child);
                }

        foreach (var e in Entries)
        {
            if (!units.TryGetValue(e.Unit, out var unitId)) continue;
            var entry = new IndicatorEntry(unitId, e.Code, ReportingPeriod.Of(e.Kind, 2025, e.Number));
            entry.Enter(e.N, e.D, e.V, e.Note, "Dữ liệu mẫu", new DateTime(2025, 12, 31, 3, 0, 0, DateTimeKind.Utc));
            entry.MarkDemo();
            db.Add(entry);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
