using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.Web.Shared.Office;

/// <summary>
/// Writes a Word document the way Vietnamese administrative documents are set (Decree 30/2020 appendix I):
/// Times New Roman, size 13–14, A4 with margins top and bottom 20 mm, left 30 mm, right 20 mm. Only what plan documents need: paragraphs
/// of runs, borderless layout tables (letterhead, signature), bordered data tables and page breaks.
/// </summary>
public sealed class DocxBuilder
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly List<OpenXmlElement> _body = [];

    public sealed record Run(string Text, bool Bold = false, bool Italic = false, int HalfPoints = 28, bool Underline = false);

    public enum Align { Left, Center, Right, Justify }

    public DocxBuilder Paragraph(string text, bool bold = false, bool italic = false, Align align = Align.Justify, int halfPoints = 28, bool indent = false) =>
        Paragraph([new Run(text, bold, italic, halfPoints)], align, indent);

    public DocxBuilder Paragraph(IReadOnlyList<Run> runs, Align align = Align.Justify, bool indent = false)
    {
        _body.Add(Para(runs, align, indent));
        return this;
    }

    public DocxBuilder PageBreak()
    {
        _body.Add(new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Break { Type = BreakValues.Page })));
        return this;
    }

    /// <summary>A table without borders whose cells hold centred paragraphs: the letterhead and the signature block.</summary>
    public DocxBuilder Layout(IReadOnlyList<IReadOnlyList<Run>> left, IReadOnlyList<IReadOnlyList<Run>> right, int leftTwips = 3900, int rightTwips = 5600)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = (leftTwips + rightTwips).ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
            new TableGrid(new GridColumn { Width = leftTwips.ToString() }, new GridColumn { Width = rightTwips.ToString() }));
        table.Append(new TableRow(LayoutCell(left, leftTwips), LayoutCell(right, rightTwips)));
        _body.Add(table);
        return this;
    }

    /// <summary>A bordered table: a bold repeated header row, then rows; a group row is one bold cell spanning the width.</summary>
    public DocxBuilder Table(IReadOnlyList<string> header, IReadOnlyList<int> widthsTwips, IEnumerable<TableLine> rows, int halfPoints = 24)
    {
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = widthsTwips.Sum().ToString(), Type = TableWidthUnitValues.Dxa }, border(), new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widthsTwips.Select(w => new GridColumn { Width = w.ToString() })));
        var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < header.Count; i++)
            headerRow.Append(DataCell(header[i], widthsTwips[i], bold: true, Align.Center, halfPoints));
        table.Append(headerRow);
        foreach (var line in rows)
        {
            var row = new TableRow();
            if (line.Group is { } group)
            {
                row.Append(DataCell(line.Cells.Count > 0 ? line.Cells[0] : "", widthsTwips[0], true, Align.Center, halfPoints));
                var span = DataCell(group, widthsTwips.Skip(1).Sum(), true, Align.Left, halfPoints);
                span.TableCellProperties!.Append(new GridSpan { Val = widthsTwips.Count - 1 });
                row.Append(span);
            }
            else
            {
                for (var i = 0; i < widthsTwips.Count; i++)
                    row.Append(DataCell(i < line.Cells.Count ? line.Cells[i] : "", widthsTwips[i], false, i == 0 ? Align.Center : Align.Left, halfPoints));
            }
            table.Append(row);
        }
        _body.Add(table);
        return this;
    }

    public sealed record TableLine(IReadOnlyList<string> Cells, string? Group = null);

    /// <summary>The document on A4 portrait pages.</summary>
    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body(_body.Select(e => e.CloneNode(true)));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "28" }, new Languages { Val = "vi-VN" }))));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static Paragraph Para(IReadOnlyList<Run> runs, Align align, bool indent)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = align switch
            {
                Align.Center => JustificationValues.Center,
                Align.Right => JustificationValues.Right,
                Align.Left => JustificationValues.Left,
                _ => JustificationValues.Both,
            } });
        if (indent) props.Append(new Indentation { FirstLine = "567" });
        var p = new Paragraph(props);
        foreach (var r in runs)
        {
            var rp = new RunProperties();
            if (r.Bold) rp.Append(new Bold());
            if (r.Italic) rp.Append(new Italic());
            if (r.Underline) rp.Append(new Underline { Val = UnderlineValues.Single });
            rp.Append(new FontSize { Val = r.HalfPoints.ToString() });
            p.Append(new DocumentFormat.OpenXml.Wordprocessing.Run(rp, new Text(r.Text.Normalize()) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return p;
    }

    private static TableCell LayoutCell(IReadOnlyList<IReadOnlyList<Run>> lines, int twips)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = twips.ToString(), Type = TableWidthUnitValues.Dxa }));
        foreach (var line in lines) cell.Append(Para(line, Align.Center, false));
        if (lines.Count == 0) cell.Append(new Paragraph());
        return cell;
    }

    private static TableCell DataCell(string text, int twips, bool bold, Align align, int halfPoints)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = twips.ToString(), Type = TableWidthUnitValues.Dxa }));
        // A line break inside a cell (several deadlines) stays a separate paragraph.
        foreach (var line in (text ?? "").Split('\n'))
            cell.Append(Para([new Run(line, bold, false, halfPoints)], align, false));
        return cell;
    }
}
