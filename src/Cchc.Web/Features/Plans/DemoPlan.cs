using Cchc.Core.Plans;
using Cchc.Core.PlanImport;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Plans;

/// <summary>
/// The demo Sở's reform plan for 2025 (demo data, marked in its title and number): a few targets, one a
/// trajectory, and fifteen tasks shaped like the appendix rows of seed 003, assigned to demo units.
/// </summary>
public static class DemoPlan
{
    public const string Title = "Kế hoạch Cải cách hành chính năm 2025 của Sở Giáo dục và Đào tạo tỉnh Demo (dữ liệu mẫu)";

    private static readonly (string Area, string Content, string Lead, string[] Partners, string Product, string Deadline)[] Tasks =
    [
        (ReformAreas.Direction, "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2025 của Sở", "DEMO-VP", ["DEMO-TCCB"], "Kế hoạch", "Tháng 12/2024"),
        (ReformAreas.Direction, "Báo cáo công tác cải cách hành chính định kỳ (quý, 6 tháng, năm)", "DEMO-VP", [], "Báo cáo", "Lần 1: Quý I/2025 Lần 2: Quý II/2025"),
        (ReformAreas.Direction, "Kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc", "DEMO-TTR", ["DEMO-VP"], "Kết luận kiểm tra", "Quý III/2025"),
        (ReformAreas.Direction, "Tuyên truyền về cải cách hành chính trên Cổng thông tin điện tử của Sở", "DEMO-VP", [], "Tin, bài", "Cả năm 2025"),
        (ReformAreas.Institutions, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực giáo dục", "DEMO-TTR", ["DEMO-GDTRH"], "Báo cáo", "trước ngày 25/02/2025"),
        (ReformAreas.Procedures, "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Sở", "DEMO-VP", ["DEMO-GDTRH", "DEMO-GDMN-TH"], "Báo cáo, đề xuất", "Từ Quý II/2025 đến Quý III/2025"),
        (ReformAreas.Procedures, "Công khai thủ tục hành chính, tiếp nhận và trả kết quả qua Bộ phận Một cửa", "DEMO-VP", [], "Văn bản triển khai", "Thường xuyên"),
        (ReformAreas.Procedures, "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp", "DEMO-TTR", ["DEMO-VP"], "Báo cáo", "Theo yêu cầu của Sở Nội vụ"),
        (ReformAreas.Organisation, "Rà soát chức năng, nhiệm vụ, cơ cấu tổ chức các phòng thuộc Sở", "DEMO-TCCB", [], "Quyết định", "Quý I/2025"),
        (ReformAreas.CivilService, "Xây dựng Đề án vị trí việc làm của các đơn vị sự nghiệp trực thuộc", "DEMO-TCCB", ["DEMO-KHTC"], "Đề án", "6 tháng đầu năm 2025"),
        (ReformAreas.CivilService, "Đánh giá, xếp loại công chức, viên chức năm 2025", "DEMO-TCCB", [], "Quyết định", "Tháng 12/2025"),
        (ReformAreas.PublicFinance, "Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp công lập", "DEMO-KHTC", ["DEMO-TCCB"], "Quyết định", "Quý II/2025"),
        (ReformAreas.PublicFinance, "Công khai dự toán, quyết toán ngân sách theo quy định", "DEMO-KHTC", [], "Văn bản công khai", "Hàng năm"),
        (ReformAreas.EGovernment, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "DEMO-VP", ["DEMO-KTKD"], "Báo cáo", "Tháng 10/2025"),
        (ReformAreas.EGovernment, "Triển khai hệ thống quản lý văn bản và điều hành liên thông 4 cấp", "DEMO-VP", ["DEMO-PGD-DS", "DEMO-PGD-TH"], "Báo cáo", "6 tháng cuối năm 2025"),
    ];

    /// <summary>Adds the demo plan unless it is there; true when it was created.</summary>
    public static async Task<bool> SeedAsync(CchcDb db, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(p => p.Title == Title, ct)) return false;
        var units = await db.Units.Where(u => u.Code.StartsWith("DEMO-")).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        if (!units.TryGetValue(Demo.DemoData.DepartmentCode, out var department)) return false;

        var plan = new Plan(department, Title, 2025, 2025);
        plan.SetBases([
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021–2030 (dữ liệu mẫu)",
            "Thực hiện Kế hoạch cải cách hành chính năm 2025 của Ủy ban nhân dân tỉnh Demo (dữ liệu mẫu)",
        ]);
        plan.SetPurpose(
            "Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính năm 2025 của ngành.\n- Nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS).",
            "- Nhiệm vụ có sản phẩm, thời hạn và đơn vị chủ trì cụ thể.\n- Các đơn vị báo cáo tiến độ đúng thời hạn.");
        plan.SetChildPlanDue(new DateOnly(2025, 1, 25));
        var order = 1;
        foreach (var area in ReformAreaNames.Codes) plan.AddSection($"II.{order++}", ReformAreaNames.NameOf(area)!, area);

        plan.AddTarget(new Target(Core.Indicators.IndicatorCodes.DossierOnTimeRate, null, Comparator.AtLeast, 100, "%", 2025));
        var online = new[] { (2024, 50.0), (2025, 80.0) };
        foreach (var (year, value) in online)
        {
            var t = plan.AddTarget(new Target(Core.Indicators.IndicatorCodes.DossierOnlineRate, null, Comparator.AtLeast, value, "%", year));
            t.JoinLine("DEMO-ONLINE");
        }
        var dialogue = plan.AddTarget(new Target(null, "Tổ chức đối thoại với người dân, doanh nghiệp", Comparator.AtLeast, 2, "times", 2025));
        dialogue.Enter(1, "Biên bản đối thoại ngày 15/5/2025 (dữ liệu mẫu)", new DateOnly(2025, 5, 20));

        var number = 1;
        foreach (var row in Tasks)
        {
            var task = plan.AddTask(new PlanTask((number++).ToString(System.Globalization.CultureInfo.InvariantCulture), row.Content, row.Area,
                SaveTask.ResolveDeadlines(row.Deadline, 2025)));
            task.Edit(task.Number, row.Content, row.Area, row.Product, null);
            task.Assign(units.GetValueOrDefault(row.Lead) is var lead and > 0 ? lead : null,
                row.Partners.Select(p => units.GetValueOrDefault(p)).Where(id => id > 0));
        }
        plan.Issue("01/KH-SGDĐT (mẫu)", new DateOnly(2025, 1, 10));
        plan.Tasks[0].Complete(new DateOnly(2024, 12, 28), "01/KH-SGDĐT (mẫu)", new DateOnly(2024, 12, 28));
        plan.Tasks[1].ReportProgress(50);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
