using System.Globalization;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using Cchc.Core.Procedures;
using Cchc.Core.Text;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Units;
using Cchc.Web.Shared;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Procedures;

public sealed record ProcedureImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<SheetError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The catalogue as an .xlsx sheet: export of the visible procedures, import that creates or updates by code,
/// all rows or none (a row error lists the row number and stores nothing). The export reads back unchanged.
/// </summary>
public sealed class ProcedureSheet(CchcDb db, ProcedureCatalogue catalogue)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly string[] Header =
    [
        "Mã", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Mã đơn vị chủ trì", "Thời hạn", "Đơn vị thời hạn", "Phí, lệ phí", "Mức thu (đồng)",
        "Mức độ trực tuyến", "Nhận qua bưu chính", "Trả qua bưu chính", "Thanh toán trực tuyến", "ISO", "Công bố", "Nội bộ", "Hiệu lực từ", "Hiệu lực đến",
    ];

    private static readonly (ProcessingTimeUnit Unit, string Name)[] TimeUnits =
        [(ProcessingTimeUnit.WorkingDays, "ngày làm việc"), (ProcessingTimeUnit.CalendarDays, "ngày"), (ProcessingTimeUnit.WorkingHours, "giờ làm việc")];

    public async Task<byte[]> ExportAsync(CurrentUser user, CancellationToken ct)
    {
        var rows = await catalogue.ListAsync(user, new ProcedureFilter(), ct);
        var lines = new List<string[]> { Header };
        lines.AddRange(rows.OrderBy(r => r.Procedure.Code, StringComparer.Ordinal).Select(r =>
        {
            var p = r.Procedure;
            return new[]
            {
                p.Code, p.Name, p.Field, ProcedureNames.Of(p.Level), r.Unit.Code, p.ProcessingAmount.ToString(CultureInfo.InvariantCulture),
                TimeUnits.First(t => t.Unit == p.ProcessingUnit).Name, p.FeeText ?? "", p.FeeAmount?.ToString(CultureInfo.InvariantCulture) ?? "",
                ProcedureNames.Of(p.OnlineLevel), YesNo(p.PostalReceipt), YesNo(p.PostalReturn), YesNo(p.OnlinePayment), ProcedureNames.Of(p.Iso),
                YesNo(p.Published), YesNo(p.Internal), Date(p.EffectiveFrom), p.EffectiveTo is { } to ? Date(to) : "",
            };
        }));
        return UnitSheet.Write(lines);
    }

    public async Task<ProcedureImportResult> ImportAsync(CurrentUser user, Stream file, CancellationToken ct)
    {
        if (!ProcedureCatalogue.CanEdit(user)) return new(0, 0, 0, [new SheetError(0, "Bạn không có quyền sửa danh mục thủ tục hành chính.")]);
        List<string[]> lines;
        try { lines = UnitSheet.Read(file); }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException)
        {
            return new(0, 0, 0, [new SheetError(0, "Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")]);
        }
        if (lines.Count == 0 || !Header.SequenceEqual(lines[0].Take(Header.Length).Select(h => VietnameseText.FoldWhitespace(h)), StringComparer.OrdinalIgnoreCase))
            return new(0, 0, 0, [new SheetError(1, "Dòng tiêu đề phải là: " + string.Join(" | ", Header) + ".")]);

        var units = await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.ValidTo == null).ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        var visible = await db.Procedures().VisibleTo(user, db.Units).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var errors = new List<SheetError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var toCreate = new List<Procedure>();
        var toUpdate = new List<(Procedure Procedure, ProcedureDetails Details)>();
        for (var i = 1; i < lines.Count; i++)
        {
            var c = lines[i].Concat(Enumerable.Repeat("", Header.Length)).Take(Header.Length).Select(VietnameseText.FoldWhitespace).ToArray();
            if (c.All(s => s.Length == 0)) continue;
            var row = i + 1;
            var rowErrors = new List<string>();
            var input = ParseRow(c, rowErrors);
            foreach (var (_, messages) in ApiValidation.Errors(input)) rowErrors.AddRange(messages);
            var code = input.Code ?? "";
            if (code.Length > 0 && !seen.Add(code)) rowErrors.Add($"Mã thủ tục {code} lặp lại trong tệp.");
            if (rowErrors.Count == 0 && !units.TryGetValue(input.OwningUnitCode!, out _))
                rowErrors.Add($"Đơn vị chủ trì «{input.OwningUnitCode}» không tồn tại hoặc nằm ngoài phạm vi đơn vị của bạn.");
            if (rowErrors.Count == 0)
            {
                try
                {
                    var details = input.ToDetails(units[input.OwningUnitCode!]);
                    if (visible.TryGetValue(code, out var existing))
                    {
                        // Checked on a copy first, so that a refused row leaves the tracked record untouched.
                        _ = new Procedure(code, details);
                        if (existing.Details != details) toUpdate.Add((existing, details));
                    }
                    else if (await db.Procedures().AnyAsync(p => p.Code == code, ct))
                        rowErrors.Add($"Mã thủ tục {code} đã thuộc đơn vị ngoài phạm vi của bạn.");
                    else toCreate.Add(new Procedure(code, details));
                }
                catch (RuleViolation e) { rowErrors.Add(e.Message); }
            }
            errors.AddRange(rowErrors.Select(m => new SheetError(row, m)));
        }
        if (errors.Count > 0) return new(0, 0, 0, errors);

        foreach (var (procedure, details) in toUpdate) procedure.Update(details);
        db.Procedures().AddRange(toCreate);
        await db.SaveChangesAsync(ct);
        return new(toCreate.Count, toUpdate.Count, visible.Count(v => seen.Contains(v.Key)) - toUpdate.Count, []);
    }

    private static ProcedureInput ParseRow(string[] c, List<string> errors)
    {
        var input = new ProcedureInput
        {
            Code = c[0], Name = c[1], Field = c[2], OwningUnitCode = c[4], FeeText = c[7].Length == 0 ? null : c[7],
            Level = Named<CompetentLevel>(c[3], ProcedureNames.Of, "Cấp thực hiện", errors)?.ToString(),
            ProcessingUnit = TimeUnits.FirstOrDefault(t => VietnameseText.Fold(t.Name) == VietnameseText.Fold(c[6])) is { Name: not null } u ? u.Unit.ToString() : Bad<string>(errors, $"Đơn vị thời hạn «{c[6]}» phải là: ngày làm việc, ngày, giờ làm việc."),
            OnlineLevel = Named<OnlineLevel>(c[9], ProcedureNames.Of, "Mức độ trực tuyến", errors)?.ToString(),
            Iso = Named<IsoProcess>(c[13], ProcedureNames.Of, "ISO", errors)?.ToString(),
            PostalReceipt = Bool(c[10], Header[10], errors), PostalReturn = Bool(c[11], Header[11], errors), OnlinePayment = Bool(c[12], Header[12], errors),
            Published = Bool(c[14], Header[14], errors), Internal = Bool(c[15], Header[15], errors),
            EffectiveFrom = c[16].Length == 0 ? null : ParseDate(c[16], Header[16], errors),
            EffectiveTo = c[17].Length == 0 ? null : ParseDate(c[17], Header[17], errors),
        };
        if (c[5].Length > 0)
        {
            if (int.TryParse(c[5], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) input.ProcessingAmount = amount;
            else errors.Add($"Thời hạn «{c[5]}» phải là số nguyên.");
        }
        if (c[8].Length > 0)
        {
            if (long.TryParse(c[8].Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var fee)) input.FeeAmount = fee;
            else errors.Add($"Mức thu «{c[8]}» phải là số tiền (đồng).");
        }
        return input;
    }

    private static T? Named<T>(string text, Func<T, string> name, string column, List<string> errors) where T : struct, Enum
    {
        var key = VietnameseText.Fold(text);
        foreach (var v in Enum.GetValues<T>())
            if (VietnameseText.Fold(name(v)) == key || VietnameseText.Fold(v.ToString()) == key) return v;
        errors.Add($"{column} «{text}» không hợp lệ; dùng một trong: {string.Join("; ", Enum.GetValues<T>().Select(name))}.");
        return null;
    }

    private static T? Bad<T>(List<string> errors, string message) where T : class
    {
        errors.Add(message);
        return null;
    }

    private static bool Bool(string text, string column, List<string> errors)
    {
        var key = VietnameseText.Fold(text);
        if (key is "co" or "x" or "1") return true;
        if (key is "khong" or "" or "0") return false;
        errors.Add($"Cột «{column}» phải là Có hoặc Không.");
        return false;
    }

    private static DateOnly? ParseDate(string text, string column, List<string> errors)
    {
        if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // A date cell holds the OLE serial number.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958465)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        errors.Add($"Cột «{column}» phải là ngày dạng dd/mm/yyyy.");
        return null;
    }

    private static string YesNo(bool b) => b ? "Có" : "Không";

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
