using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.Web.Shared.Office;

/// <summary>
/// Any table to one .xlsx sheet: optional title lines, a styled header row (bold, shaded, bordered,
/// frozen), then rows of strings, numbers and dates (dates as real Excel dates shown dd/MM/yyyy). Column
/// widths are set by hand because OpenXml does not measure text (there is no NPOI/ClosedXML here).
/// </summary>
public sealed class XlsxTable(string sheetName, IReadOnlyList<string> headers)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Style indexes of the stylesheet written by Styles().
    private const uint Title = 1, Header = 2, Body = 3, Date = 4, Group = 5, Number = 6;

    private readonly List<(IReadOnlyList<object?> Cells, bool Group)> _rows = [];

    /// <summary>Lines written above the header in bold (the appendix's "PHỤ LỤC …").</summary>
    public List<string> Titles { get; } = [];

    /// <summary>Column widths in characters; missing ones get 15.</summary>
    public IReadOnlyList<double> Widths { get; init; } = [];

    public int RowCount => _rows.Count;

    public void Add(params object?[] cells) => _rows.Add((cells, false));

    /// <summary>A bold row that heads a group of rows ("I | Cải cách thể chế").</summary>
    public void AddGroup(params object?[] cells) => _rows.Add((cells, true));

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var ws = wb.AddNewPart<WorksheetPart>();

            var data = new SheetData();
            uint r = 0;
            foreach (var title in Titles)
                data.Append(RowOf(++r, [title], Title));
            var headerRow = ++r;
            data.Append(RowOf(headerRow, headers.Cast<object?>().ToList(), Header));
            foreach (var (cells, group) in _rows)
                data.Append(RowOf(++r, cells, group ? Group : Body));

            var columns = new Columns();
            for (var i = 0; i < headers.Count; i++)
            {
                var width = i < Widths.Count ? Widths[i] : 15;
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
            }
            // The header stays in view while scrolling through a long appendix.
            var views = new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = "A" + (headerRow + 1), ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { TabSelected = true, WorkbookViewId = 0 });
            ws.Worksheet = new Worksheet(views, columns, data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = SheetName(sheetName) }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        if (clean.Length == 0) clean = "Sheet1";
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Row RowOf(uint index, IReadOnlyList<object?> values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(CellOf(reference, values[i], style));
        }
        return row;
    }

    private static Cell CellOf(string reference, object? value, uint style)
    {
        var bodyLike = style is Body;
        switch (value)
        {
            case null:
                return new Cell { CellReference = reference, StyleIndex = style };
            case DateOnly d:
                return new Cell { CellReference = reference, StyleIndex = Date, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) };
            case DateTime t:
                return new Cell { CellReference = reference, StyleIndex = Date, CellValue = new CellValue(t.Date.ToOADate().ToString(CultureInfo.InvariantCulture)) };
            case int or long or double or float or decimal:
                return new Cell
                {
                    CellReference = reference,
                    StyleIndex = bodyLike ? Number : style,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                };
            default:
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                return new Cell
                {
                    CellReference = reference,
                    StyleIndex = style,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(text.Normalize()) { Space = SpaceProcessingModeValues.Preserve }),
                };
        }
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        Alignment Wrap(HorizontalAlignmentValues? h = null) => new() { WrapText = true, Vertical = VerticalAlignmentValues.Top, Horizontal = h };
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/MM/yyyy" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" })) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(), thin) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat(Wrap(HorizontalAlignmentValues.Center)) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Wrap()) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Wrap(HorizontalAlignmentValues.Center)) { NumberFormatId = 164, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Wrap()) { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Wrap(HorizontalAlignmentValues.Center)) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true }) { Count = 7 });
    }
}
