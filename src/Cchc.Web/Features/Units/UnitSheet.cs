using System.Globalization;
using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Units;

public sealed record SheetError(int Row, string Message);

public sealed record ImportResult(int Created, int Unchanged, IReadOnlyList<SheetError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The units spreadsheet (docs/organisation.md): first sheet, header row, then one unit per row in the columns
/// Mã | Tên | Loại | Mã đơn vị cha | Hiệu lực từ. Export writes the caller's current tree in this layout; import
/// reads it back: a row whose code exists with the same name, type and parent is unchanged, a new code is
/// created, anything else is a row error — and when any row is wrong nothing is imported.
/// </summary>
public sealed class UnitSheet(CchcDb db, OrganiseUnits organise, UnitTree tree)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public static readonly string[] Header = ["Mã", "Tên", "Loại", "Mã đơn vị cha", "Hiệu lực từ"];
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<byte[]> ExportAsync(CurrentUser user, CancellationToken ct)
    {
        var rows = await tree.CurrentAsync(user, includeClosed: false, ct);
        var lines = new List<string[]> { Header };
        lines.AddRange(rows.Select(r => new[] { r.Code, r.Name, UnitTypes.DisplayName(r.Type), r.ParentCode ?? "", r.ValidFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) }));
        return Write(lines);
    }

    public async Task<ImportResult> ImportAsync(CurrentUser user, Stream file, CancellationToken ct)
    {
        List<string[]> lines;
        try { lines = Read(file); }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException)
        {
            return new(0, 0, [new SheetError(0, "Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")]);
        }
        if (lines.Count == 0 || !Header.SequenceEqual(lines[0].Take(Header.Length).Select(h => h.Trim().Normalize()), StringComparer.OrdinalIgnoreCase))
            return new(0, 0, [new SheetError(1, "Dòng tiêu đề phải là: " + string.Join(" | ", Header) + ".")]);

        var errors = new List<SheetError>();
        var parsed = new List<(int Row, string Code, string Name, UnitType Type, string Parent, DateOnly From)>();
        for (var i = 1; i < lines.Count; i++)
        {
            var c = lines[i].Concat(Enumerable.Repeat("", 5)).Take(5).Select(s => s.Trim().Normalize()).ToArray();
            if (c.All(s => s.Length == 0)) continue;
            var row = i + 1;
            var before = errors.Count;
            if (c[0].Length is 0 or > 50) errors.Add(new(row, "Mã đơn vị bắt buộc, tối đa 50 ký tự."));
            if (c[1].Length is 0 or > 250) errors.Add(new(row, "Tên đơn vị bắt buộc, tối đa 250 ký tự."));
            var type = UnitTypes.Parse(c[2]);
            if (type is null) errors.Add(new(row, $"Loại đơn vị “{c[2]}” không hợp lệ."));
            var from = ParseDate(c[4]);
            if (from is null) errors.Add(new(row, $"Ngày hiệu lực “{c[4]}” không hợp lệ (dạng dd/MM/yyyy)."));
            if (errors.Count == before) parsed.Add((row, c[0], c[1], type!.Value, c[3], from!.Value));
        }
        foreach (var dup in parsed.GroupBy(p => p.Code).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            errors.Add(new(dup.Row, $"Mã đơn vị “{dup.Code}” lặp lại trong tệp."));
        if (errors.Count > 0) return new(0, 0, errors.OrderBy(e => e.Row).ToList());

        var codes = parsed.Select(p => p.Code).Concat(parsed.Select(p => p.Parent)).Where(s => s.Length > 0).Distinct().ToList();
        var existing = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(ct);
        var existingByCode = existing.ToDictionary(u => u.Code);
        var parentIds = existing.Select(e => e.ParentId).OfType<int>().Distinct().ToList();
        // The export leaves out a parent the user cannot see, so the comparison does too (round trip).
        var idToCode = (await db.Units.AsNoTracking().Where(u => parentIds.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Path }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => user.CanSee(u.Path) ? u.Code : "");
        var inFile = parsed.ToDictionary(p => p.Code);

        // Parents first: a row may name a parent defined further down the file.
        var ordered = new List<(int Row, string Code, string Name, UnitType Type, string Parent, DateOnly From)>();
        var state = new Dictionary<string, int>(); // 1 visiting, 2 done
        foreach (var p in parsed) Visit(p);
        void Visit((int Row, string Code, string Name, UnitType Type, string Parent, DateOnly From) p)
        {
            if (state.TryGetValue(p.Code, out var s))
            {
                if (s == 1) errors.Add(new(p.Row, $"Đơn vị “{p.Code}” nằm trong một vòng lặp đơn vị cha."));
                return;
            }
            state[p.Code] = 1;
            if (inFile.TryGetValue(p.Parent, out var parent) && !existingByCode.ContainsKey(p.Parent)) Visit(parent);
            state[p.Code] = 2;
            ordered.Add(p);
        }
        if (errors.Count > 0) return new(0, 0, errors.OrderBy(e => e.Row).ToList());

        var created = 0;
        var unchanged = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var history = await organise.LoadHistoryAsync(ct);
        foreach (var p in ordered)
        {
            if (existingByCode.TryGetValue(p.Code, out var unit))
            {
                var parentCode = unit.ParentId is int pid ? idToCode.GetValueOrDefault(pid) ?? "" : "";
                if (!user.CanSee(unit.Path))
                    errors.Add(new(p.Row, $"Mã đơn vị “{p.Code}” đã được dùng cho một đơn vị khác."));
                else if (unit.Name != p.Name || unit.Type != p.Type || parentCode != p.Parent)
                    errors.Add(new(p.Row, $"Mã đơn vị “{p.Code}” đã tồn tại với tên, loại hoặc đơn vị cha khác; hãy sửa trên trang đơn vị."));
                else unchanged++;
                continue;
            }
            try
            {
                await organise.AddUnitAsync(user, new CreateUnit(p.Code, p.Name, p.Type, p.Parent.Length == 0 ? null : p.Parent, p.From), history, ct);
                await db.SaveChangesAsync(ct);
                created++;
            }
            catch (RuleViolation e) { errors.Add(new(p.Row, e.Message)); }
            catch (UnitNotFound) { errors.Add(new(p.Row, $"Không tìm thấy đơn vị cha “{p.Parent}” hoặc bạn không có quyền với đơn vị đó.")); }
            catch (DuplicateCode e) { errors.Add(new(p.Row, e.Message)); }
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(0, 0, errors.OrderBy(e => e.Row).ToList());
        }
        await tx.CommitAsync(ct);
        return new(created, unchanged, []);
    }

    private static DateOnly? ParseDate(string text)
    {
        if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // A date cell Excel stored as a serial number (days since 30/12/1899).
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }

    internal static byte[] Write(IReadOnlyList<string[]> lines)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var line in lines)
            {
                var row = new Row();
                foreach (var value in line)
                    row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
                data.Append(row);
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Đơn vị" }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    internal static List<string[]> Read(Stream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        buffer.Position = 0;
        using var doc = SpreadsheetDocument.Open(buffer, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var first = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var ws = (WorksheetPart)wb.GetPartById(first.Id!);
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<string[]>();
        foreach (var row in ws.Worksheet.Descendants<Row>())
        {
            var index = (int)(row.RowIndex?.Value ?? (uint)(result.Count + 1));
            while (result.Count < index - 1) result.Add([]);
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var col = cell.CellReference?.Value is string r ? Column(r) : cells.Count;
                while (cells.Count < col) cells.Add("");
                cells.Add(Value(cell, shared));
            }
            result.Add(cells.ToArray());
        }
        return result;
    }

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }

    private static string Value(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var i) && i < shared.Count) return shared[i];
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return cell.CellValue?.Text ?? "";
    }
}
