using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cchc.Core.Plans;
using Cchc.Core.Text;

namespace Cchc.Core.PlanImport;

/// <summary>
/// Reads the task appendix ("Phụ lục", "Danh mục nhiệm vụ"): a table whose header names its columns,
/// repeated on every page; rows cut by a page break continue after the repeated header; group rows
/// ("I. Cải cách thể chế") give the area; rows split into sub-rows "a) … b) …" become one task with parts.
/// </summary>
internal sealed partial class TaskTableReader(List<string> warnings, int? planYear)
{
    // Source-generated, not interpreted: the patterns run on every line of documents of megabytes.
    private const int TimeoutMs = 2000;

    [GeneratedRegex(@"^([a-zđ])\s*\)\s*", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SubLabelRx { get; }

    [GeneratedRegex(@"(?:^|\s)a\s*\)\s*", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex InlineLabelRx { get; }

    [GeneratedRegex(@"^([IVX]{1,6})\s*\.?\s*(.*)$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex RomanCellRx { get; }

    private enum Col { Number, Content, Lead, Partners, Product, Requirement, Deadline }

    /// <summary>A cell never grows past a few pages, whatever a broken table repeats.</summary>
    private const int MaxCell = 20_000;

    private sealed class Row
    {
        private string _content = "";
        // Lines wrapped out of the content cell, joined on the first read: a page of wrapped lines
        // joined one string at a time would copy the cell once per line.
        private StringBuilder? _contentMore;

        public string Label = "";

        public string Content
        {
            get
            {
                if (_contentMore is not null)
                {
                    _content = _contentMore.ToString();
                    _contentMore = null;
                }
                return _content;
            }
            set
            {
                _content = value;
                _contentMore = null;
            }
        }

        public string Lead = "";
        public string Partners = "";
        public string Product = "";
        public string Requirement = "";
        public string Deadline = "";
        public int Line;

        /// <summary>The content followed by a space and <paramref name="more"/>, as <see cref="Join"/> does.</summary>
        public void JoinContent(string more)
        {
            var length = _contentMore?.Length ?? _content.Length;
            if (length == 0) Content = more;
            else if (more.Length > 0 && length <= MaxCell) (_contentMore ??= new StringBuilder(_content)).Append(' ').Append(more);
        }
    }

    private sealed class PendingTask
    {
        public string Number = "";
        public string Header = "";
        public Row Own = new();
        public List<Row> Parts = [];
        public string? Area;
        public string? Section;
        public Row Last => Parts.Count > 0 ? Parts[^1] : Own;
    }

    private Dictionary<Col, int>? _columns;

    public List<ImportedTask> Read(List<PlanLine> appendix)
    {
        var tasks = new List<PendingTask>();
        PendingTask? current = null;
        string? pendingHeader = null;
        var afterHeader = false;
        string? area = null, section = null;
        var lastNumber = 0;
        var tableStarted = false;

        foreach (var line in appendix)
        {
            if (line.IsBlank) continue;
            if (!line.IsRow)
            {
                if (!tableStarted) continue;
                // A cell that wrapped onto a line of its own: it continues the content of the row above.
                if (current is not null && !LooksLikeTitle(line))
                {
                    Append(current.Last, new Row { Content = line.Text, Line = line.Number });
                    warnings.Add($"Dòng {line.Number}: không có cột; đã nối vào nội dung nhiệm vụ {current.Number}.");
                }
                else
                {
                    warnings.Add($"Dòng {line.Number}: nằm giữa bảng nhiệm vụ nhưng không phải dòng bảng; chưa được đọc: \"{Short(line.Text)}\".");
                }
                continue;
            }
            var cells = line.Cells!;
            if (IsHeader(cells))
            {
                // Each header maps the columns anew: a second appendix may order them differently.
                _columns = MapColumns(cells);
                afterHeader = tableStarted;
                tableStarted = true;
                continue;
            }
            if (_columns is null)
            {
                warnings.Add($"Dòng {line.Number}: bảng không có dòng tiêu đề (TT, Nội dung, …); chưa được đọc.");
                continue;
            }
            tableStarted = true;
            var row = ToRow(cells, line.Number);
            var numberCell = Cell(cells, Col.Number);

            if (IsGroupRow(cells, out var roman, out var groupTitle))
            {
                section = roman;
                area = ReformAreas.Of(groupTitle);
                pendingHeader = null;
                afterHeader = false;
                continue;
            }

            var digits = numberCell.TrimEnd('.', ')');
            if (digits.Length > 0 && digits.Length <= 4 && digits.All(char.IsAsciiDigit))
            {
                var n = int.Parse(digits, CultureInfo.InvariantCulture);
                current = new PendingTask { Number = n.ToString(CultureInfo.InvariantCulture), Area = area, Section = section };
                var label = SubLabelRx.Match(row.Content);
                if (pendingHeader is not null && label.Success)
                {
                    current.Header = pendingHeader;
                    row.Label = label.Groups[1].Value;
                    row.Content = row.Content[label.Length..];
                    current.Parts.Add(row);
                }
                else
                {
                    if (pendingHeader is not null) row.Content = pendingHeader + " " + row.Content;
                    current.Own = row;
                }
                tasks.Add(current);
                lastNumber = n;
                pendingHeader = null;
                afterHeader = false;
                continue;
            }

            var sub = SubLabelRx.Match(row.Content);
            if (afterHeader && current is not null && !sub.Success)
            {
                Append(current.Last, row);
                afterHeader = false;
                continue;
            }
            afterHeader = false;

            if (sub.Success)
            {
                if (current is null || pendingHeader is not null)
                {
                    lastNumber++;
                    current = new PendingTask
                    {
                        Number = lastNumber.ToString(CultureInfo.InvariantCulture),
                        Header = pendingHeader ?? "",
                        Area = area,
                        Section = section,
                    };
                    tasks.Add(current);
                    warnings.Add($"Dòng {line.Number}: nhiệm vụ không có số thứ tự; đã đánh số {lastNumber}.");
                    pendingHeader = null;
                }
                SplitOwnIntoFirstPart(current);
                row.Label = sub.Groups[1].Value;
                row.Content = row.Content[sub.Length..];
                current.Parts.Add(row);
                continue;
            }

            var othersEmpty = row.Lead.Length == 0 && row.Partners.Length == 0 && row.Product.Length == 0
                && row.Requirement.Length == 0 && row.Deadline.Length == 0;
            if (othersEmpty && row.Content.Length > 0)
            {
                pendingHeader = pendingHeader is null ? row.Content : pendingHeader.Length > 20_000 ? pendingHeader : pendingHeader + " " + row.Content;
                continue;
            }
            if (current is not null)
            {
                Append(current.Last, row);
                continue;
            }
            warnings.Add($"Dòng {line.Number}: không xếp được vào nhiệm vụ nào: \"{Short(line.Text)}\".");
        }
        if (pendingHeader is not null) warnings.Add($"Cuối bảng: dòng \"{Short(pendingHeader)}\" không có nhiệm vụ đi kèm.");

        return tasks.Select(Finish).ToList();
    }

    private static string Short(string s) => s.Length <= 80 ? s : s[..77] + "…";

    /// <summary>An appendix title ("PHỤ LỤC II", "(Kèm theo Kế hoạch số …)") is not a wrapped cell.</summary>
    private static bool LooksLikeTitle(PlanLine line) =>
        line.IsUpperCase || line.Text.StartsWith('(') || line.Key.StartsWith("kem theo", StringComparison.Ordinal);

    private static bool IsHeader(IReadOnlyList<string> cells)
    {
        if (cells.Count < 3) return false;
        var first = VietnameseText.Fold(cells[0]);
        return first is "tt" or "stt" or "so tt" or "so thu tu";
    }

    private static Dictionary<Col, int> MapColumns(IReadOnlyList<string> cells)
    {
        var map = new Dictionary<Col, int> { [Col.Number] = 0 };
        for (var i = 1; i < cells.Count; i++)
        {
            var k = VietnameseText.Fold(cells[i]);
            Col? col =
                k.Contains("thoi gian") || k.Contains("thoi han") || k.Contains("tien do") ? Col.Deadline :
                k.Contains("phoi hop") ? Col.Partners :
                k.Contains("chu tri") || k.Contains("thuc hien") && (k.Contains("phong") || k.Contains("don vi") || k.Contains("co quan")) ? Col.Lead :
                k.Contains("san pham") || k.Contains("ket qua") ? Col.Product :
                k.Contains("yeu cau") ? Col.Requirement :
                k.Contains("noi dung") || k.Contains("nhiem vu") || k.Contains("cong viec") || k.Contains("ban hanh") || k.Contains("trien khai") ? Col.Content :
                null;
            if (col is { } c && !map.ContainsKey(c)) map[c] = i;
        }
        if (!map.ContainsKey(Col.Content)) map[Col.Content] = 1;
        return map;
    }

    private string Cell(IReadOnlyList<string> cells, Col col) =>
        _columns!.TryGetValue(col, out var i) && i < cells.Count ? cells[i].Trim() : "";

    private Row ToRow(IReadOnlyList<string> cells, int line) => new()
    {
        Content = Cell(cells, Col.Content),
        Lead = Cell(cells, Col.Lead),
        Partners = Cell(cells, Col.Partners),
        Product = Cell(cells, Col.Product),
        Requirement = Cell(cells, Col.Requirement),
        Deadline = Cell(cells, Col.Deadline),
        Line = line,
    };

    /// <summary>A group row: "I." with the title in the next cell, or "II. Cải cách thể chế" in one cell, nothing else filled.</summary>
    private static bool IsGroupRow(IReadOnlyList<string> cells, out string roman, out string title)
    {
        roman = title = "";
        var filled = cells.Where(c => c.Trim().Length > 0).ToList();
        if (filled.Count is 0 or > 2) return false;
        var m = RomanCellRx.Match(filled[0].Trim());
        if (!m.Success) return false;
        var rest = m.Groups[2].Value.Trim();
        if (filled.Count == 2 && rest.Length > 0) return false;
        if (rest.Length > 0 && !char.IsUpper(rest[0])) return false;
        roman = m.Groups[1].Value;
        title = filled.Count == 2 ? filled[1].Trim() : rest;
        return title.Length > 0;
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 || a.Length > MaxCell ? a : a + " " + b;

    private static void Append(Row to, Row more)
    {
        to.JoinContent(more.Content);
        to.Lead = Join(to.Lead, more.Lead);
        to.Partners = Join(to.Partners, more.Partners);
        to.Product = Join(to.Product, more.Product);
        to.Requirement = Join(to.Requirement, more.Requirement);
        to.Deadline = Join(to.Deadline, more.Deadline);
    }

    /// <summary>"Ban hành … năm 2022 a) Kế hoạch của Sở" followed by "b) …" rows: the row's own cells are part a.</summary>
    private static void SplitOwnIntoFirstPart(PendingTask task)
    {
        if (task.Parts.Count > 0) return;
        var own = task.Own;
        if (own.Lead.Length == 0 && own.Deadline.Length == 0 && own.Product.Length == 0 && own.Partners.Length == 0)
        {
            if (task.Header.Length == 0) task.Header = own.Content;
            task.Own = new Row { Line = own.Line };
            return;
        }
        var key = VietnameseText.FoldChars(own.Content);
        var m = InlineLabelRx.Matches(key).LastOrDefault();
        var header = m is null ? own.Content : own.Content[..m.Index].Trim();
        var partContent = m is null ? "" : own.Content[(m.Index + m.Length)..].Trim();
        task.Header = task.Header.Length == 0 ? header : task.Header + " " + header;
        task.Parts.Add(new Row
        {
            Label = "a",
            Content = partContent,
            Lead = own.Lead,
            Partners = own.Partners,
            Product = own.Product,
            Requirement = own.Requirement,
            Deadline = own.Deadline,
            Line = own.Line,
        });
        task.Own = new Row { Line = own.Line };
    }

    private ImportedTask Finish(PendingTask t)
    {
        var rows = t.Parts.Count > 0 ? t.Parts : [t.Own];
        foreach (var r in rows) FixSwap(t.Number, r);

        var parts = t.Parts.Select(p => new ImportedTaskPart(
            p.Label, p.Content, Units(p.Lead), Units(p.Partners), NullIfEmpty(p.Product), Deadlines(p.Deadline))).ToList();

        var content = t.Parts.Count > 0 ? (t.Header.Length > 0 ? t.Header : string.Join("; ", t.Parts.Select(p => p.Content))) : t.Own.Content;
        content = content.Trim().TrimEnd(':').Trim();
        var lead = DistinctFolded(rows.SelectMany(r => Units(r.Lead)));
        var partners = DistinctFolded(rows.SelectMany(r => Units(r.Partners)));
        var products = rows.Select(r => r.Product).Where(p => p.Length > 0).Distinct().ToList();
        var product = products.Count > 0 ? string.Join("; ", products) : ProductFromContent(t.Own.Content);
        var requirements = rows.Select(r => r.Requirement).Where(p => p.Length > 0).Distinct().ToList();
        var deadlines = rows.SelectMany(r => Deadlines(r.Deadline)).Distinct().ToList();

        if (lead.Count == 0) warnings.Add($"Nhiệm vụ {t.Number}: không có đơn vị chủ trì.");
        if (deadlines.Count == 0) warnings.Add($"Nhiệm vụ {t.Number}: không có thời hạn.");
        else if (deadlines.All(d => d.Due is null)) warnings.Add($"Nhiệm vụ {t.Number}: thời hạn \"{deadlines[0].Text}\" không có ngày cụ thể.");
        if (content.Length == 0) warnings.Add($"Nhiệm vụ {t.Number}: không có nội dung.");

        return new ImportedTask(t.Number, content, t.Area, lead, partners, product,
            requirements.Count > 0 ? string.Join("; ", requirements) : null, deadlines)
        {
            Section = t.Section,
            Parts = parts.Count > 0 ? parts : null,
        };
    }

    /// <summary>Seed 003 rows 17–20 put the deadline under "Sản phẩm" and the product under "Thời gian".</summary>
    private void FixSwap(string number, Row r)
    {
        if (TaskCells.ProductAndDeadlineSwapped(r.Product, r.Deadline, planYear))
        {
            (r.Product, r.Deadline) = (r.Deadline, r.Product);
            warnings.Add($"Nhiệm vụ {number}: cột Sản phẩm và cột Thời gian bị đổi chỗ; đã đổi lại (sản phẩm \"{r.Product}\", thời gian \"{r.Deadline}\").");
        }
    }

    private List<ImportedDeadline> Deadlines(string cell) =>
        DeadlineParser.Parse(cell, planYear).Select(d => new ImportedDeadline(d.Text, d.Due) { From = d.From }).ToList();

    private static List<string> DistinctFolded(IEnumerable<string> units)
    {
        var seen = new HashSet<string>();
        return units.Where(u => seen.Add(VietnameseText.Fold(u))).ToList();
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static readonly string[] ProductKinds =
        ["Báo cáo", "Công văn", "CV", "Kế hoạch", "Quyết định", "Thông báo", "Văn bản", "Hướng dẫn", "Quy chế", "Đề án"];

    /// <summary>Where the table has no product column (seed 002), the action names it: "Công văn hướng dẫn…" → "Công văn".</summary>
    private static string? ProductFromContent(string content)
    {
        foreach (var kind in ProductKinds)
        {
            if (content.StartsWith(kind + " ", StringComparison.Ordinal)) return kind == "CV" ? "Công văn" : kind;
        }
        return null;
    }

    internal static List<string> Units(string cell) => TaskCells.Units(cell);
}
