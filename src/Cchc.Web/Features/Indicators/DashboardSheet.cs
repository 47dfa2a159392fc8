using Cchc.Core.Indicators;
using Cchc.Web.Shared;
using Cchc.Web.Shared.Pdf;

namespace Cchc.Web.Features.Indicators;

/// <summary>One indicator as printed: every part already text, as the reader sees it on the overview.</summary>
public sealed record SheetLine(string Number, string Code, string Name, string Value, string Fraction, IReadOnlyList<string> Targets, bool Filtered, double? RawValue);

public sealed record SheetSection(string Caption, IReadOnlyList<SheetLine> Lines);

public sealed record SheetRankingRow(string Rank, string UnitCode, string UnitName, string Value, string Fraction, double? RawValue);

/// <summary>
/// The overview as a printed document: the print view (/Indicators/Print) and the PDF are both written from
/// this, so that they say the same thing as each other and as the page (same figures, same target texts).
/// Charts are left out of the PDF; the print view keeps the ranking's bars (SVG prints as drawn).
/// </summary>
public sealed record DashboardSheet(
    string Title, string UnitLine, string PeriodLine, string FilterLine, string? FilterNote, string PrintedLine, bool IsDemo,
    IReadOnlyList<SheetSection> Sections, string? RankingTitle, IReadOnlyList<SheetRankingRow> Ranking, IReadOnlyList<string> Pending)
{
    public const string DemoNote = "DỮ LIỆU MẪU (demo): số liệu được tạo để minh họa, không phải số liệu thật.";
    public const string FilteredMark = "(*)";

    /// <summary>Which indicators a field / procedure filter acts on; the page, the print view and the PDF say it in these words.</summary>
    public const string FilterScopeNote = "Bộ lọc chỉ áp dụng cho các chỉ số tính từ danh mục thủ tục hành chính và hồ sơ (đánh dấu " + FilteredMark + "); "
        + "các chỉ số khác và việc đánh giá chỉ tiêu kế hoạch tính trên toàn bộ số liệu, không lọc.";

    public static DashboardSheet From(IndicatorOverview o, IndicatorRanking? ranking, string? filterText, DateOnly today, DateTime printedAtUtc)
    {
        var s = o.Scope;
        var filterLine = filterText is null ? "Bộ lọc: không (mọi lĩnh vực, mọi thủ tục)." : $"Bộ lọc: {filterText}.";
        var filterNote = filterText is null ? null : FilterScopeNote;
        var number = 0;
        SheetSection Section(string caption, IEnumerable<OverviewLine> lines) =>
            new(caption, lines.Select(l => Line(++number, l)).ToList());
        var sections = new List<SheetSection>
        {
            Section("Chỉ số hệ thống tính từ dữ liệu", o.Computed),
            Section("Chỉ số nhập có tài liệu kiểm chứng", o.Entered),
        };
        var rows = ranking?.Rows.Select(r => new SheetRankingRow(r.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–", r.Unit.Code, r.Unit.Name,
            IndicatorText.Value(r.Figure.Value.Value, ranking.Definition.Kind), Fraction(r.Figure.Value, ranking.Definition.Kind), r.Figure.Value.Value)).ToList() ?? [];
        return new DashboardSheet(
            "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
            $"Đơn vị: {s.Unit.Name} – {(s.Subtree ? "gồm các đơn vị trực thuộc theo cơ cấu tổ chức tại thời điểm phát sinh số liệu" : "chỉ riêng đơn vị")}",
            $"Kỳ: {s.Period.Label} ({VnTime.Date(s.Period.From)} – {VnTime.Date(s.Period.To)}); số liệu đến ngày {VnTime.Date(today)}",
            filterLine, filterNote, $"Ngày in: {VnTime.DateAndTime(printedAtUtc)}", o.IsDemo, sections,
            ranking is null ? null : $"Xếp hạng các đơn vị trực thuộc theo: {ranking.Definition.NameVi}",
            rows, o.Pending.Select(l => l.Definition.NameVi).ToList());
    }

    private static SheetLine Line(int number, OverviewLine l)
    {
        var d = l.Definition;
        var value = IndicatorText.Value(l.Value?.Value, d.Kind) + (l.Figure?.Note is { } note ? $"\n{note}" : "");
        var targets = l.Targets.Count == 0 ? ["Không có chỉ tiêu"] : l.Targets.Select(t => TargetText(t, d.Kind)).ToList();
        return new SheetLine(number.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Code, d.NameVi, value,
            l.Value is { } v ? Fraction(v, d.Kind) : "", targets, l.Filtered, l.Value?.Value);
    }

    /// <summary>"Có nguy cơ không đạt: Đạt ≥ 90% (Năm 2025; Kế hoạch 15/KH) – giá trị năm 2025: 66,67%", the status always in words.</summary>
    private static string TargetText(TargetLine t, IndicatorKind kind)
    {
        var text = $"{IndicatorText.Status(t.Status)}: {t.Description} ({t.PeriodLabel}; {t.PlanLabel})";
        if (t.ShownValue is { } sv) text += $" – {(t.Live is null ? "số liệu nhập" : "giá trị")} {t.PeriodLabel.ToLowerInvariant()}: {IndicatorText.Value(sv, kind)}";
        if (t.GroupsBelowMinimum.Count > 0) text += $"; dưới mức tối thiểu: {string.Join(", ", t.GroupsBelowMinimum)}";
        if (t.GroupNote is { } note) text += $" ({note})";
        return text;
    }

    /// <summary>
    /// "≥ 80 %" as "tối thiểu 80 %", "≤ 30 phút" as "tối đa 30 phút": Noto Serif, the PDF's default face, has no ≥ ≤
    /// glyphs, and PDFsharp leaves out what the font lacks, which would print "80 %" for "≥ 80 %".
    /// </summary>
    public static string InWords(string text) =>
        text.Replace("≥ ", "tối thiểu ", StringComparison.Ordinal).Replace("≤ ", "tối đa ", StringComparison.Ordinal)
            .Replace("≥", ">=", StringComparison.Ordinal).Replace("≤", "<=", StringComparison.Ordinal);

    /// <summary>"3 / 4"; nothing for a count (its numerator is the value) or for nothing measured.</summary>
    public static string Fraction(IndicatorValue v, IndicatorKind kind) =>
        v.Numerator is { } n && v.Denominator is { } d && d > 0 && kind != IndicatorKind.Count ? $"{IndicatorText.Number(n)} / {IndicatorText.Number(d)}" : "";

    /// <summary>
    /// A4 landscape (the table has five columns of words), "Trang x/y" at the foot. Every figure is a table
    /// cell in the page's words; the charts are left out (their values are the table's).
    /// </summary>
    public byte[] ToPdf()
    {
        var pdf = new PdfBuilder(new PdfPageSetup(TopMm: 15, BottomMm: 15, LeftMm: 20, RightMm: 15, FontSize: 11,
            PageNumbers: PdfPageNumbers.BottomRight, Landscape: true, Title: $"{Title} – {UnitLine}"));
        pdf.Title(Title, 14);
        pdf.Paragraph(UnitLine, bold: true, align: PdfAlign.Left);
        pdf.Paragraph(PeriodLine, align: PdfAlign.Left);
        pdf.Paragraph(FilterLine, align: PdfAlign.Left);
        if (FilterNote is not null) pdf.Paragraph(FilterNote, italic: true, align: PdfAlign.Left);
        pdf.Paragraph(PrintedLine, align: PdfAlign.Left);
        if (IsDemo) pdf.Paragraph(DemoNote, bold: true, align: PdfAlign.Left);
        PdfTableColumn[] columns =
        [
            new("STT", 0.05, PdfAlign.Center), new("Chỉ số", 0.36), new("Giá trị", 0.12, PdfAlign.Right),
            new("Tử số / mẫu số", 0.11, PdfAlign.Right), new("Chỉ tiêu kế hoạch và đánh giá", 0.36),
        ];
        foreach (var section in Sections.Where(x => x.Lines.Count > 0))
        {
            pdf.Heading(section.Caption, 12);
            pdf.Table(columns, section.Lines.Select(l => (IReadOnlyList<string>)
                [l.Number, $"{l.Name}{(l.Filtered ? " " + FilteredMark : "")}\n{l.Code}", l.Value, l.Fraction, string.Join("\n", l.Targets.Select(InWords))]), 9.5);
        }
        if (RankingTitle is not null)
        {
            pdf.Heading(RankingTitle, 12);
            pdf.Table([new("Hạng", 0.08, PdfAlign.Center), new("Đơn vị", 0.56), new("Giá trị", 0.18, PdfAlign.Right), new("Tử số / mẫu số", 0.18, PdfAlign.Right)],
                Ranking.Select(r => (IReadOnlyList<string>)[r.Rank, r.UnitName, r.Value, r.Fraction]), 9.5);
        }
        if (Pending.Count > 0)
        {
            pdf.Heading("Chỉ số chờ nguồn dữ liệu", 12);
            pdf.Paragraph(string.Join("; ", Pending) + ".", align: PdfAlign.Left);
        }
        return pdf.ToBytes();
    }
}
