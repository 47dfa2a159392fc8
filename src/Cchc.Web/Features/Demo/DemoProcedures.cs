using Cchc.Core.Dossiers;
using Cchc.Core.Procedures;
using Cchc.Web.Data;
using Cchc.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Demo;

/// <summary>
/// Demo procedure catalogue: education procedures of the kinds a Sở and a commune publish, marked demo.
/// The codes are invented ("DEMO.…"), not the national database's; times and fees are typical, not quoted.
/// </summary>
public static class DemoProcedures
{

    private static readonly (string Code, string Name, string Field, CompetentLevel Level, string Unit, int Days, OnlineLevel Online, long? Fee, bool Published)[] Items =
    [
        ("DEMO.1.0001", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ", CompetentLevel.Department, "DEMO-KTKD", 1, OnlineLevel.Full, null, true),
        ("DEMO.1.0002", "Chỉnh sửa nội dung văn bằng, chứng chỉ", "Văn bằng, chứng chỉ", CompetentLevel.Department, "DEMO-KTKD", 5, OnlineLevel.Full, null, true),
        ("DEMO.1.0003", "Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở nước ngoài cấp", "Văn bằng, chứng chỉ", CompetentLevel.Department, "DEMO-KTKD", 20, OnlineLevel.Partial, null, true),
        ("DEMO.1.0004", "Phúc khảo bài thi tốt nghiệp trung học phổ thông", "Thi, tuyển sinh", CompetentLevel.Department, "DEMO-KTKD", 15, OnlineLevel.Full, 30_000, true),
        ("DEMO.1.0005", "Đăng ký dự thi tốt nghiệp trung học phổ thông", "Thi, tuyển sinh", CompetentLevel.Department, "DEMO-KTKD", 0, OnlineLevel.Full, null, true),
        ("DEMO.1.0006", "Xét tuyển sinh vào trung học phổ thông dân tộc nội trú", "Thi, tuyển sinh", CompetentLevel.Department, "DEMO-GDTRH", 30, OnlineLevel.Partial, null, true),
        ("DEMO.1.0007", "Chuyển trường đối với học sinh trung học phổ thông", "Giáo dục trung học", CompetentLevel.Department, "DEMO-GDTRH", 3, OnlineLevel.Full, null, true),
        ("DEMO.1.0008", "Xin học lại tại trường khác đối với học sinh trung học", "Giáo dục trung học", CompetentLevel.Department, "DEMO-GDTRH", 3, OnlineLevel.Partial, null, true),
        ("DEMO.1.0009", "Công nhận trường trung học đạt chuẩn quốc gia", "Kiểm định chất lượng giáo dục", CompetentLevel.Province, "DEMO-KTKD", 30, OnlineLevel.Partial, null, true),
        ("DEMO.1.0010", "Cấp Chứng nhận trường tiểu học đạt kiểm định chất lượng giáo dục", "Kiểm định chất lượng giáo dục", CompetentLevel.Department, "DEMO-KTKD", 30, OnlineLevel.Partial, null, true),
        ("DEMO.1.0011", "Cho phép thành lập trường trung học phổ thông tư thục", "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", CompetentLevel.Province, "DEMO-KHTC", 20, OnlineLevel.Partial, null, true),
        ("DEMO.1.0012", "Cho phép trường trung học phổ thông hoạt động giáo dục", "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", CompetentLevel.Department, "DEMO-GDTRH", 20, OnlineLevel.Partial, null, true),
        ("DEMO.1.0013", "Sáp nhập, chia, tách trường trung học phổ thông", "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", CompetentLevel.Province, "DEMO-TCCB", 20, OnlineLevel.Partial, null, true),
        ("DEMO.1.0014", "Cấp giấy phép tổ chức hoạt động dạy thêm, học thêm", "Giáo dục trung học", CompetentLevel.Department, "DEMO-GDTRH", 10, OnlineLevel.Full, null, true),
        ("DEMO.1.0015", "Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục", "Giáo dục thường xuyên", CompetentLevel.Department, "DEMO-GDTRH", 15, OnlineLevel.Partial, 2_000_000, true),
        ("DEMO.1.0016", "Phê duyệt việc dạy và học bằng tiếng nước ngoài", "Đào tạo với nước ngoài", CompetentLevel.Department, "DEMO-GDTRH", 15, OnlineLevel.Partial, null, true),
        ("DEMO.1.0017", "Xét, cấp học bổng chính sách", "Giáo dục dân tộc", CompetentLevel.Department, "DEMO-KHTC", 10, OnlineLevel.Partial, null, true),
        ("DEMO.1.0018", "Thuyên chuyển giáo viên giữa các cơ sở giáo dục (thủ tục nội bộ)", "Nhà giáo", CompetentLevel.Department, "DEMO-TCCB", 15, OnlineLevel.None, null, false),
        ("DEMO.2.0001", "Cho phép trường tiểu học hoạt động giáo dục", "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", CompetentLevel.Commune, "DEMO-VHXH-DS", 20, OnlineLevel.Partial, null, true),
        ("DEMO.2.0002", "Thành lập trường mầm non công lập", "Giáo dục mầm non", CompetentLevel.Commune, "DEMO-VHXH-DS", 20, OnlineLevel.Partial, null, true),
        ("DEMO.2.0003", "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục", "Giáo dục mầm non", CompetentLevel.Commune, "DEMO-VHXH-DH", 20, OnlineLevel.Partial, null, true),
        ("DEMO.2.0004", "Chuyển trường đối với học sinh trung học cơ sở", "Giáo dục trung học", CompetentLevel.Commune, "DEMO-VHXH-TH", 3, OnlineLevel.Full, null, true),
        ("DEMO.2.0005", "Công nhận trường tiểu học đạt chuẩn quốc gia", "Kiểm định chất lượng giáo dục", CompetentLevel.Commune, "DEMO-VHXH-TH", 30, OnlineLevel.Partial, null, true),
        ("DEMO.2.0006", "Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú", "Giáo dục dân tộc", CompetentLevel.Commune, "DEMO-VHXH-TP", 10, OnlineLevel.Partial, null, true),
        ("DEMO.2.0007", "Công nhận xã đạt chuẩn phổ cập giáo dục, xóa mù chữ", "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân", CompetentLevel.Commune, "DEMO-VHXH-TP", 15, OnlineLevel.None, null, false),
    ];

    /// <summary>Adds the demo procedures that are not there yet (by code); true when something was created.</summary>
    public static async Task<bool> SeedAsync(CchcDb db, CancellationToken ct)
    {
        var codes = Items.Select(i => i.Code).ToList();
        var existing = await db.Procedures().Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        var units = await db.Units.Where(u => u.Code.StartsWith("DEMO-")).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var created = false;
        foreach (var p in Build(units).Where(p => !existing.Contains(p.Code)))
        {
            db.Procedures().Add(p);
            created = true;
        }
        if (created) await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>The catalogue's procedures (not stored) for the demo units given by code → id; those of missing units are left out.</summary>
    internal static IEnumerable<Procedure> Build(IReadOnlyDictionary<string, int> unitIds)
    {
        foreach (var i in Items.Where(i => unitIds.ContainsKey(i.Unit)))
        {
            var p = new Procedure(i.Code, new ProcedureDetails(
                i.Name, i.Field, i.Level, unitIds[i.Unit], new ProcessingTime(i.Days), i.Fee is { } f ? $"{f:N0} đồng/hồ sơ" : null, i.Fee,
                i.Online, PostalReceipt: true, PostalReturn: true, OnlinePayment: i.Online != OnlineLevel.None && i.Fee is not null,
                i.Online == OnlineLevel.Full ? IsoProcess.ElectronicIso : IsoProcess.Iso, i.Published, Internal: !i.Published,
                DemoData.Founded, null));
            p.MarkDemo();
            yield return p;
        }
    }
}
