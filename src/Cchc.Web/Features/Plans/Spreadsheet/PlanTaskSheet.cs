using System.Globalization;
using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Cchc.Core.PlanImport;
using Cchc.Core.Plans;
using Cchc.Core.Text;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared.Office;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Plans.Spreadsheet;

/// <summary>A problem of one row of the sheet: Excel's row number (0 for the file as a whole), the column's header, what to fix.</summary>
public sealed record SheetProblem(int Row, string? Column, string Message);

public sealed record TaskSheetResult(int Imported, IReadOnlyList<SheetProblem> Errors, IReadOnlyList<SheetProblem> Warnings)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Why an import cannot start: the plan is not there for the caller, or the caller may only read it.</summary>
public enum PlanSheetAccess { Missing, ReadOnly, Editable }

/// <summary>
/// A plan's task table as an .xlsx in the appendix layout (docs/plans.md, "Spreadsheets and documents"):
/// TT | Nội dung | Đơn vị chủ trì | Phối hợp | Sản phẩm | Thời gian [| Yêu cầu] [| Lĩnh vực], tasks grouped
/// under a row per reform area. Import reads the same layout (or a department's own sheet with these
/// headers) and adds the rows as tasks of the plan — all of them, or none when any row is wrong.
/// </summary>
public sealed class PlanTaskSheet(CchcDb db)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxTasks = 2000;

    public const string ColNumber = "TT", ColContent = "Nội dung", ColLead = "Đơn vị chủ trì", ColPartners = "Phối hợp",
        ColProduct = "Sản phẩm", ColDeadline = "Thời gian", ColRequirement = "Yêu cầu", ColArea = "Lĩnh vực";

    private static readonly double[] Widths = [6, 60, 24, 28, 20, 22, 40, 24];

    /// <summary>The year that year-less deadlines ("Quý I") belong to: the importer's rule (plan-import.md).</summary>
    public static int YearOf(Plan plan) => plan.PeriodFrom == plan.PeriodTo ? plan.PeriodFrom : plan.PeriodTo;

    public async Task<Plan?> ReadableAsync(CurrentUser user, int planId, CancellationToken ct) =>
        await db.Plans.AsNoTracking().VisibleTo(user, db.Units).Include(p => p.Tasks).Include(p => p.Targets).Include(p => p.Sections)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == planId, ct);

    public async Task<PlanSheetAccess> AccessAsync(CurrentUser user, int planId, CancellationToken ct)
    {
        if (Plans.PlanAccess.IsEditor(user) && await db.Plans.EditableBy(user, db.Units).AnyAsync(p => p.Id == planId, ct)) return PlanSheetAccess.Editable;
        return await db.Plans.VisibleTo(user, db.Units).AnyAsync(p => p.Id == planId, ct) ? PlanSheetAccess.ReadOnly : PlanSheetAccess.Missing;
    }

    /// <summary>Names of the units a plan's tasks point to, for the lead and partner cells of tasks that keep no words of their own.</summary>
    public async Task<Dictionary<int, string>> UnitNamesAsync(Plan plan, CancellationToken ct)
    {
        var ids = plan.Tasks.SelectMany(t => t.PartnerUnitIds.Append(t.LeadUnitId ?? 0)).Append(plan.IssuingUnitId).Where(i => i != 0).Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static string FileName(Plan plan, string extension) =>
        $"ke-hoach-{plan.Id}-{plan.PeriodFrom}{(plan.PeriodTo != plan.PeriodFrom ? "-" + plan.PeriodTo : "")}.{extension}";

    public static string LeadCell(PlanTask t, IReadOnlyDictionary<int, string> names) =>
        t.LeadText ?? (t.LeadUnitId is { } id ? names.GetValueOrDefault(id) ?? "" : "");

    public static string PartnersCell(PlanTask t, IReadOnlyDictionary<int, string> names) =>
        t.PartnersText ?? string.Join(", ", t.PartnerUnitIds.Select(id => names.GetValueOrDefault(id)).OfType<string>());

    /// <summary>Several deadlines of one task are written one per line of the cell, each with the plan's words.</summary>
    public static string DeadlineCell(PlanTask t) => string.Join("\n", t.Deadlines.Select(d => d.Text));

    /// <summary>Tasks outside any area first (no group row), then one group per reform area in the order plans list them.</summary>
    public static IEnumerable<(string? Roman, string? Area, IReadOnlyList<PlanTask> Tasks)> Groups(Plan plan)
    {
        var ordered = plan.Tasks.OrderBy(t => t.Id == 0 ? int.MaxValue : t.Id).ToList();
        var loose = ordered.Where(t => t.Area is null).ToList();
        if (loose.Count > 0) yield return (null, null, loose);
        var n = 0;
        foreach (var code in ReformAreaNames.Codes)
        {
            var tasks = ordered.Where(t => t.Area == code).ToList();
            if (tasks.Count > 0) yield return (Roman(++n), code, tasks);
        }
    }

    public static string Roman(int n)
    {
        string[] ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        string[] tens = ["", "X", "XX", "XXX", "XL", "L"];
        return n is > 0 and < 60 ? tens[n / 10] + ones[n % 10] : n.ToString(CultureInfo.InvariantCulture);
    }

    public static byte[] Export(Plan plan, IReadOnlyDictionary<int, string> names)
    {
        var withRequirement = plan.Tasks.Any(t => t.Requirement is not null);
        string[] header = withRequirement
            ? [ColNumber, ColContent, ColLead, ColPartners, ColProduct, ColDeadline, ColRequirement]
            : [ColNumber, ColContent, ColLead, ColPartners, ColProduct, ColDeadline];
        var table = new XlsxTable("Danh mục nhiệm vụ", header) { Widths = Widths };
        table.Titles.Add("PHỤ LỤC: DANH MỤC NHIỆM VỤ");
        var issuer = names.GetValueOrDefault(plan.IssuingUnitId) ?? "";
        var number = plan.Number is null ? "(dự thảo)" : "số " + plan.Number;
        var date = plan.IssuedOn is { } d ? " ngày " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
        table.Titles.Add($"(Kèm theo Kế hoạch {number}{date} của {issuer})".Replace(" của )", ")", StringComparison.Ordinal));
        table.Titles.Add(plan.Title);
        foreach (var (roman, area, tasks) in Groups(plan))
        {
            if (roman is not null) table.AddGroup(roman, ReformAreaNames.NameOf(area));
            foreach (var t in tasks)
            {
                object number2 = int.TryParse(t.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n.ToString(CultureInfo.InvariantCulture) == t.Number ? n : t.Number;
                var cells = new List<object?> { number2, t.Content, LeadCell(t, names), PartnersCell(t, names), t.ProductType ?? "", DeadlineCell(t) };
                if (withRequirement) cells.Add(t.Requirement ?? "");
                table.Add([.. cells]);
            }
        }
        return table.ToBytes();
    }

    public async Task<TaskSheetResult> ImportAsync(CurrentUser user, int planId, Stream file, CancellationToken ct)
    {
        List<string[]> rows;
        try { rows = XlsxReader.ReadFirstSheet(file); }
        catch (NotAWorkbook) { return Failed(new SheetProblem(0, null, "Tệp không phải bảng tính Excel (.xlsx) hợp lệ. Hãy lưu lại tệp dưới dạng Excel Workbook (.xlsx).")); }

        var plan = Plans.PlanAccess.IsEditor(user)
            ? await db.Plans.EditableBy(user, db.Units).Include(p => p.Tasks).SingleOrDefaultAsync(p => p.Id == planId, ct)
            : null;
        if (plan is null) return Failed(new SheetProblem(0, null, "Không tìm thấy kế hoạch hoặc bạn không có quyền sửa kế hoạch này."));
        if (plan.Status == PlanStatus.Superseded)
            return Failed(new SheetProblem(0, null, "Kế hoạch đã bị thay thế, không thể thêm nhiệm vụ."));

        var issuer = await db.Units.AsNoTracking().SingleAsync(u => u.Id == plan.IssuingUnitId, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(issuer.Path) && u.ValidTo == null)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var matcher = new UnitMatcher(units.Select(u => (u.Id, u.Name)));
        var parsed = Parse(rows, YearOf(plan), matcher, plan.Tasks.Select(t => t.Number));
        if (parsed.Errors.Count > 0) return new(0, parsed.Errors, parsed.Warnings);

        try
        {
            foreach (var task in parsed.Tasks) plan.AddTask(task);
            await db.SaveChangesAsync(ct);
        }
        catch (RuleViolation e)
        {
            db.ChangeTracker.Clear();
            return new(0, [new SheetProblem(0, null, e.Message)], parsed.Warnings);
        }
        return new(parsed.Tasks.Count, [], parsed.Warnings);
    }

    private static TaskSheetResult Failed(SheetProblem problem) => new(0, [problem], []);

    internal sealed record Parsed(List<PlanTask> Tasks, List<SheetProblem> Errors, List<SheetProblem> Warnings);

    private enum Col { Number, Content, Lead, Partners, Product, Deadline, Requirement, Area }

    private static readonly Dictionary<Col, string> Names = new()
    {
        [Col.Number] = ColNumber, [Col.Content] = ColContent, [Col.Lead] = ColLead, [Col.Partners] = ColPartners,
        [Col.Product] = ColProduct, [Col.Deadline] = ColDeadline, [Col.Requirement] = ColRequirement, [Col.Area] = ColArea,
    };

    /// <summary>Reads the rows into tasks; pure apart from the unit names it is given, so that it is tested without a database.</summary>
    internal static Parsed Parse(IReadOnlyList<string[]> rows, int year, UnitMatcher matcher, IEnumerable<string> existingNumbers)
    {
        var errors = new List<SheetProblem>();
        var warnings = new List<SheetProblem>();
        var tasks = new List<PlanTask>();

        var headerAt = -1;
        for (var i = 0; i < Math.Min(rows.Count, 30) && headerAt < 0; i++)
        {
            if (rows[i].Length > 0 && VietnameseText.Fold(rows[i][0]).TrimEnd('.') is "tt" or "stt" or "so tt" or "so thu tu") headerAt = i;
        }
        if (headerAt < 0)
        {
            errors.Add(new(0, null, $"Không tìm thấy dòng tiêu đề của bảng: ô đầu tiên phải là “TT” hoặc “STT”, các cột: {string.Join(" | ", Names.Values)}."));
            return new(tasks, errors, warnings);
        }
        var map = MapColumns(rows[headerAt]);
        if (!map.ContainsKey(Col.Content))
        {
            errors.Add(new(headerAt + 1, null, "Dòng tiêu đề thiếu cột “Nội dung” (nội dung nhiệm vụ)."));
            return new(tasks, errors, warnings);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var existing = existingNumbers.ToHashSet(StringComparer.Ordinal);
        string? area = null;
        for (var i = headerAt + 1; i < rows.Count; i++)
        {
            var row = i + 1;
            string Cell(Col c) => map.TryGetValue(c, out var at) && at < rows[i].Length ? VietnameseText.Nfc(rows[i][at]).Trim() : "";
            if (rows[i].All(string.IsNullOrWhiteSpace)) continue;
            if (tasks.Count + errors.Count >= MaxTasks)
            {
                errors.Add(new(row, null, $"Bảng có quá nhiều dòng: tối đa {MaxTasks} nhiệm vụ một lần nhập."));
                break;
            }

            var number = Cell(Col.Number).TrimEnd('.', ')').Trim();
            var content = Cell(Col.Content);
            if (IsGroup(number, content, rows[i], map, out var title))
            {
                area = ReformAreas.Of(title);
                if (area is null)
                    warnings.Add(new(row, ColContent, $"Không nhận ra lĩnh vực cải cách của nhóm “{Short(title)}”; các nhiệm vụ dưới nhóm này không gắn lĩnh vực."));
                continue;
            }

            var before = errors.Count;
            if (number.Length == 0)
                errors.Add(new(row, ColNumber, "Thiếu số thứ tự nhiệm vụ. Mỗi nhiệm vụ nằm trên một dòng có số ở cột TT (gộp các dòng con a), b)… vào một dòng)."));
            else if (seen.TryGetValue(number, out var first))
                errors.Add(new(row, ColNumber, $"Số thứ tự “{number}” trùng với dòng {first}; mỗi nhiệm vụ cần một số riêng."));
            else if (existing.Contains(number))
                errors.Add(new(row, ColNumber, $"Kế hoạch đã có nhiệm vụ số “{number}”; đổi số thứ tự hoặc xóa dòng này."));
            else seen[number] = row;
            if (content.Length == 0) errors.Add(new(row, ColContent, "Thiếu nội dung nhiệm vụ."));

            var rowArea = area;
            var areaCell = Cell(Col.Area);
            if (areaCell.Length > 0)
            {
                rowArea = ReformAreaNames.IsKnown(areaCell.ToUpperInvariant()) ? areaCell.ToUpperInvariant() : ReformAreas.Of(areaCell);
                if (rowArea is null)
                    errors.Add(new(row, ColArea, $"Lĩnh vực “{Short(areaCell)}” không hợp lệ; ghi một trong: {string.Join("; ", ReformAreaNames.Codes.Select(ReformAreaNames.NameOf))}."));
            }

            var product = Cell(Col.Product);
            var deadlineCell = Cell(Col.Deadline);
            if (TaskCells.ProductAndDeadlineSwapped(product, deadlineCell, year))
            {
                (product, deadlineCell) = (deadlineCell, product);
                warnings.Add(new(row, ColDeadline, $"Cột Sản phẩm và cột Thời gian bị đổi chỗ; đã đổi lại (sản phẩm “{Short(product)}”, thời gian “{Short(deadlineCell)}”)."));
            }
            var deadlines = DeadlineParser.Parse(deadlineCell, year);
            if (deadlineCell.Length > 0 && deadlines.All(d => d.Due is null))
                warnings.Add(new(row, ColDeadline, $"Thời hạn “{Short(deadlineCell)}” không có ngày cụ thể; nhiệm vụ sẽ không bị tính quá hạn."));

            var leadCell = Cell(Col.Lead);
            var partnersCell = Cell(Col.Partners);
            var leadNames = TaskCells.Units(leadCell);
            int? leadId = leadNames.Count > 0 ? matcher.Match(leadNames[0]) : null;
            var partnerIds = new List<int>();
            foreach (var name in TaskCells.Units(partnersCell))
            {
                if (matcher.Match(name) is { } id && id != leadId) partnerIds.Add(id);
            }
            foreach (var (name, column) in leadNames.Take(1).Select(n => (n, ColLead)).Concat(TaskCells.Units(partnersCell).Select(n => (n, ColPartners))))
            {
                if (matcher.Match(name) is null)
                    warnings.Add(new(row, column, matcher.IsAmbiguous(name)
                        ? $"“{Short(name)}” khớp nhiều đơn vị cùng tên; giữ dạng chữ, hãy chọn đơn vị trên trang nhiệm vụ."
                        : $"“{Short(name)}” không khớp đơn vị nào của cây đơn vị; giữ nguyên dạng chữ."));
            }

            if (errors.Count > before) continue;
            try
            {
                var task = new PlanTask(number, content, rowArea, deadlines);
                task.Edit(number, content, rowArea, product, Cell(Col.Requirement));
                task.Assign(leadId, partnerIds, leadCell, partnersCell);
                tasks.Add(task);
            }
            catch (RuleViolation e)
            {
                errors.Add(new(row, ColumnOf(e.Field), e.Message));
            }
        }
        if (tasks.Count == 0 && errors.Count == 0)
            errors.Add(new(headerAt + 1, null, "Bảng không có nhiệm vụ nào dưới dòng tiêu đề."));
        return new(tasks, errors, warnings);
    }

    private static string? ColumnOf(string? field) => field switch
    {
        nameof(PlanTask.Number) => ColNumber,
        nameof(PlanTask.Content) => ColContent,
        nameof(PlanTask.Area) => ColArea,
        nameof(PlanTask.ProductType) => ColProduct,
        nameof(PlanTask.Requirement) => ColRequirement,
        nameof(PlanTask.Deadlines) => ColDeadline,
        nameof(PlanTask.LeadText) => ColLead,
        nameof(PlanTask.PartnersText) or nameof(PlanTask.PartnerUnitIds) => ColPartners,
        _ => null,
    };

    private static Dictionary<Col, int> MapColumns(string[] header)
    {
        var map = new Dictionary<Col, int> { [Col.Number] = 0 };
        for (var i = 1; i < header.Length; i++)
        {
            var k = VietnameseText.Fold(header[i]);
            Col? col =
                k.Contains("linh vuc") ? Col.Area :
                k.Contains("thoi gian") || k.Contains("thoi han") || k.Contains("tien do") ? Col.Deadline :
                k.Contains("phoi hop") ? Col.Partners :
                k.Contains("chu tri") ? Col.Lead :
                k.Contains("san pham") || k.Contains("ket qua") ? Col.Product :
                k.Contains("yeu cau") ? Col.Requirement :
                k.Contains("noi dung") || k.Contains("nhiem vu") || k.Contains("cong viec") ? Col.Content :
                null;
            if (col is { } c && !map.ContainsKey(c)) map[c] = i;
        }
        return map;
    }

    /// <summary>"I | Cải cách thể chế" with nothing else filled, or "II. Cải cách thể chế" in the TT cell alone.</summary>
    private static bool IsGroup(string number, string content, string[] cells, Dictionary<Col, int> map, out string title)
    {
        title = "";
        var filled = cells.Count(c => c.Trim().Length > 0);
        var roman = number.Split([' ', '.'], 2, StringSplitOptions.TrimEntries);
        if (roman[0].Length == 0 || !roman[0].All(ch => ch is 'I' or 'V' or 'X')) return false;
        if (roman.Length == 2 && roman[1].Length > 0 && filled == 1)
        {
            title = roman[1].TrimStart('.', ' ');
            return true;
        }
        if (roman.Length == 1 && content.Length > 0 && filled == 2)
        {
            title = content;
            return true;
        }
        return false;
    }

    private static string Short(string s) => s.Length <= 80 ? s : s[..77] + "…";
}

/// <summary>
/// Matches the unit names of a sheet to the units of the plan's tree: the same name, else the same name
/// without diacritics or case (VietnameseText.Fold). A name two units share matches neither.
/// </summary>
internal sealed class UnitMatcher
{
    private readonly ILookup<string, int> _exact;
    private readonly ILookup<string, int> _folded;

    public UnitMatcher(IEnumerable<(int Id, string Name)> units)
    {
        var list = units.ToList();
        _exact = list.ToLookup(u => VietnameseText.FoldWhitespace(u.Name), u => u.Id, StringComparer.Ordinal);
        _folded = list.ToLookup(u => VietnameseText.Fold(u.Name), u => u.Id, StringComparer.Ordinal);
    }

    public int? Match(string name)
    {
        var exact = _exact[VietnameseText.FoldWhitespace(name)].Distinct().ToList();
        if (exact.Count == 1) return exact[0];
        if (exact.Count > 1) return null;
        var folded = _folded[VietnameseText.Fold(name)].Distinct().ToList();
        return folded.Count == 1 ? folded[0] : null;
    }

    public bool IsAmbiguous(string name) =>
        _exact[VietnameseText.FoldWhitespace(name)].Distinct().Count() > 1 || _folded[VietnameseText.Fold(name)].Distinct().Count() > 1;
}
