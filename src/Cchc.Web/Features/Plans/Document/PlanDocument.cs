using System.Globalization;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Cchc.Web.Features.Plans.Spreadsheet;
using Cchc.Web.Shared.Office;
using static Cchc.Web.Shared.Office.DocxBuilder;

namespace Cchc.Web.Features.Plans.Document;

/// <summary>The issuing unit and the body above it, for the letterhead ("UBND THÀNH PHỐ HẢI PHÒNG / SỞ GIÁO DỤC VÀ ĐÀO TẠO").</summary>
public sealed record Issuer(string Name, UnitType Type, string? ParentName);

/// <summary>
/// A plan as a .docx laid out like the paper plan (Decree 30/2020 layout, seeds 000–004): letterhead and
/// national motto side by side, place and date, title, legal bases, I. purpose and requirements, II. content
/// by reform area with its targets, III. organisation when the plan sets a date for subordinate plans,
/// recipients and signer block, then the task appendix as a table grouped by area.
/// </summary>
public static class PlanDocument
{
    public const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto2 = "Độc lập - Tự do - Hạnh phúc";
    private static readonly int[] AppendixWidths = [600, 3000, 1400, 1500, 1200, 1371];

    public static byte[] Write(Plan plan, Issuer issuer, IReadOnlyDictionary<int, string> unitNames)
    {
        var doc = new DocxBuilder();
        var left = new List<IReadOnlyList<Run>>();
        if (issuer.ParentName is { Length: > 0 } parent) left.Add([new Run(parent.ToUpper(Vi), HalfPoints: 26)]);
        left.Add([new Run(issuer.Name.ToUpper(Vi), Bold: true, HalfPoints: 26)]);
        left.Add([new Run("———", HalfPoints: 20)]);
        left.Add([new Run("Số: " + (plan.Number ?? "      /KH-"), HalfPoints: 26)]);
        var right = new List<IReadOnlyList<Run>>
        {
            new[] { new Run(Motto1, Bold: true, HalfPoints: 26) },
            new[] { new Run(Motto2, Bold: true, HalfPoints: 28) },
            new[] { new Run("———————————", HalfPoints: 20) },
            new[] { new Run(PlaceAndDate(plan.IssuedOn), Italic: true) },
        };
        doc.Layout(left, right);
        doc.Paragraph("");
        doc.Paragraph("KẾ HOẠCH", bold: true, align: Align.Center, halfPoints: 30);
        doc.Paragraph(plan.Title, bold: true, align: Align.Center);
        doc.Paragraph("");

        foreach (var basis in plan.Bases) doc.Paragraph(basis, indent: true);

        doc.Paragraph("I. MỤC ĐÍCH, YÊU CẦU", bold: true, indent: true);
        doc.Paragraph("1. Mục đích", bold: true, indent: true);
        Lines(doc, plan.Purpose);
        doc.Paragraph("2. Yêu cầu", bold: true, indent: true);
        Lines(doc, plan.Requirements);

        doc.Paragraph("II. NỘI DUNG", bold: true, indent: true);
        var sectionArea = plan.Sections.Where(s => s.Area is not null).ToDictionary(s => s.Path, s => s.Area);
        string? AreaOf(Target t) => t.SectionPath is { } p && sectionArea.TryGetValue(p, out var a) ? a : null;
        var general = plan.Targets.Where(t => AreaOf(t) is null).ToList();
        if (general.Count > 0)
        {
            doc.Paragraph("Chỉ tiêu chung:", bold: true, italic: true, indent: true);
            foreach (var t in general) doc.Paragraph("- " + Describe(t), indent: true);
        }
        var groups = PlanTaskSheet.Groups(plan).Where(g => g.Area is not null).ToDictionary(g => g.Area!, g => g.Roman);
        var n = 0;
        foreach (var code in ReformAreaNames.Codes)
        {
            var targets = plan.Targets.Where(t => AreaOf(t) == code).ToList();
            var inAppendix = groups.TryGetValue(code, out var roman);
            if (targets.Count == 0 && !inAppendix && !plan.Sections.Any(s => s.Area == code)) continue;
            doc.Paragraph($"{++n}. {ReformAreaNames.NameOf(code)}", bold: true, indent: true);
            foreach (var t in targets) doc.Paragraph("- Chỉ tiêu: " + Describe(t), indent: true);
            var count = plan.Tasks.Count(t => t.Area == code);
            if (inAppendix) doc.Paragraph($"- Nhiệm vụ cụ thể: {count} nhiệm vụ tại mục {roman} của Phụ lục kèm theo.", indent: true);
        }
        var loose = plan.Tasks.Count(t => t.Area is null);
        if (loose > 0) doc.Paragraph($"{++n}. Nhiệm vụ khác: {loose} nhiệm vụ tại Phụ lục kèm theo.", bold: true, indent: true);

        if (plan.ChildPlanDue is { } due)
        {
            doc.Paragraph("III. TỔ CHỨC THỰC HIỆN", bold: true, indent: true);
            doc.Paragraph($"Các đơn vị trực thuộc căn cứ Kế hoạch này xây dựng, ban hành kế hoạch cải cách hành chính của đơn vị trước ngày {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.", indent: true);
        }
        doc.Paragraph("");

        var recipients = new List<IReadOnlyList<Run>>
        {
            new[] { new Run("Nơi nhận:", Bold: true, Italic: true, HalfPoints: 24) },
            new[] { new Run("- Như trên;", HalfPoints: 22) },
            new[] { new Run("- Lưu: VT.", HalfPoints: 22) },
        };
        var signer = new List<IReadOnlyList<Run>> { new[] { new Run(SignerTitle(issuer.Type), Bold: true) }, Array.Empty<Run>(), Array.Empty<Run>(), Array.Empty<Run>() };
        doc.Layout(recipients, signer, 4500, 4571);

        if (plan.Tasks.Count > 0)
        {
            doc.PageBreak();
            doc.Paragraph("PHỤ LỤC", bold: true, align: Align.Center);
            doc.Paragraph("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", bold: true, align: Align.Center);
            var number = plan.Number is null ? "" : " số " + plan.Number;
            var on = plan.IssuedOn is { } d ? " ngày " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
            doc.Paragraph($"(Kèm theo Kế hoạch{number}{on} của {issuer.Name})", italic: true, align: Align.Center);
            var lines = new List<TableLine>();
            foreach (var (groupRoman, area, tasks) in PlanTaskSheet.Groups(plan))
            {
                if (groupRoman is not null) lines.Add(new TableLine([groupRoman], ReformAreaNames.NameOf(area)));
                lines.AddRange(tasks.Select(t => new TableLine([t.Number, t.Content, PlanTaskSheet.LeadCell(t, unitNames),
                    PlanTaskSheet.PartnersCell(t, unitNames), t.ProductType ?? "", PlanTaskSheet.DeadlineCell(t)])));
            }
            doc.Table(["TT", "Nội dung", "Đơn vị chủ trì", "Phối hợp", "Sản phẩm", "Thời gian"], AppendixWidths, lines);
        }
        return doc.ToBytes();
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The place is not recorded with the plan: a dotted space is left for it, as on a draft.</summary>
    public static string PlaceAndDate(DateOnly? on) => on is { } d
        ? $"……, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}"
        : "……, ngày …… tháng …… năm ……";

    /// <summary>Who signs a unit's plan (Decree 30/2020: the head of the issuing body).</summary>
    public static string SignerTitle(UnitType type) => type switch
    {
        UnitType.Department => "GIÁM ĐỐC",
        UnitType.DepartmentOffice or UnitType.DistrictOffice or UnitType.CommuneCultureSociety => "TRƯỞNG PHÒNG",
        UnitType.Commune => "CHỦ TỊCH",
        UnitType.Kindergarten or UnitType.PrimarySchool or UnitType.LowerSecondarySchool or UnitType.UpperSecondarySchool or UnitType.MultiLevelSchool => "HIỆU TRƯỞNG",
        UnitType.Centre => "GIÁM ĐỐC",
        _ => "THỦ TRƯỞNG ĐƠN VỊ",
    };

    private static string Describe(Target t)
    {
        if (t.Text is { Length: > 0 } text) return text;
        var value = t.Value.ToString("0.##", CultureInfo.InvariantCulture) + (t.Unit == "%" ? "%" : " " + t.Unit);
        return $"{t.DisplayName} {t.Comparator.Symbol()} {value}{(t.Year is { } y ? " năm " + y : "")}";
    }

    private static void Lines(DocxBuilder doc, string? text)
    {
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            doc.Paragraph(line, indent: true);
    }
}
