using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.Web.Shared.Office;

/// <summary>The file is not a readable .xlsx workbook.</summary>
public sealed class NotAWorkbook(string message) : Exception(message);

/// <summary>
/// Reads the first sheet of an .xlsx as text: one array per row (index 0 = row 1, empty rows kept so that
/// row numbers in messages match Excel's), cells in column order. Shared and inline strings are read as
/// text; a number in a date-formatted cell becomes dd/MM/yyyy, as a user sees it in Excel.
/// </summary>
public static class XlsxReader
{
    public static List<string[]> ReadFirstSheet(Stream file)
    {
        try
        {
            using var buffer = new MemoryStream();
            file.CopyTo(buffer);
            buffer.Position = 0;
            using var doc = SpreadsheetDocument.Open(buffer, false);
            var wb = doc.WorkbookPart ?? throw new NotAWorkbook("no workbook");
            var first = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new NotAWorkbook("no sheet");
            var ws = (WorksheetPart)wb.GetPartById(first.Id!);
            var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var dateStyles = DateStyles(wb.WorkbookStylesPart?.Stylesheet);
            var result = new List<string[]>();
            foreach (var row in ws.Worksheet.Descendants<Row>())
            {
                var index = (int)(row.RowIndex?.Value ?? (uint)(result.Count + 1));
                if (index > 1_048_576) break;
                while (result.Count < index - 1) result.Add([]);
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = cell.CellReference?.Value is string r ? Column(r) : cells.Count;
                    if (col > 200) continue;
                    while (cells.Count < col) cells.Add("");
                    cells.Add(Value(cell, shared, dateStyles).Normalize());
                }
                result.Add([.. cells]);
            }
            return result;
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException
                                       or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            throw new NotAWorkbook(e.Message);
        }
    }

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }

    private static string Value(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(cell.CellValue?.Text, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            if (cell.StyleIndex?.Value is { } s && dateStyles.Contains(s)
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
                return DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>Cell styles whose number format shows a date: built-in formats 14–22 and 45–47, or a custom code with d, m and y.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? sheet)
    {
        var result = new HashSet<uint>();
        if (sheet?.CellFormats is null) return result;
        var custom = sheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => (f.FormatCode?.Value ?? "").ToLowerInvariant()) ?? [];
        uint index = 0;
        foreach (var format in sheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 45 and <= 47
                || (custom.TryGetValue(id, out var code) && code.Contains('d') && code.Contains('y') && !code.Contains('h'));
            if (isDate) result.Add(index);
            index++;
        }
        return result;
    }
}
