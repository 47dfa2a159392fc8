using System.Text.RegularExpressions;
using Cchc.Core.Plans;
using Cchc.Core.Text;

namespace Cchc.Core.PlanImport;

/// <summary>A paragraph of the body with the section it sits in.</summary>
internal sealed record Paragraph(int Line, string Text, string Key, bool IsBullet, bool IsSubBullet, string? Section, int? ContextYear);

/// <summary>One import: the state of reading one document, top to bottom.</summary>
internal sealed partial class PlanReader(string text, PlanImportOptions options, IReadOnlyList<string> earlierWarnings)
{
    // Source-generated, not interpreted: the patterns run on every line of documents of megabytes.
    private const int TimeoutMs = 2000;

    [GeneratedRegex(@"^so\s*(?::|(?=\d)|(?=/))\s*(.*)$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NumberRx { get; }

    [GeneratedRegex(@"^(?<place>[^,]{2,80}),\s*ngay\s*(?<d>\d{1,2})?\s*thang\s*(?<m>\d{1,2})?\s*nam\s*(?<y>\d{4})", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PlaceDateRx { get; }

    [GeneratedRegex(@"^(?<n>[IVX]{1,6})\s*[.)]\s*(?<t>\S.*)$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex RomanRx { get; }

    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})\s*[.)]\s*(?<t>\S.*)$|^(?<n>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?<t>\S.*)$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NumRx { get; }

    [GeneratedRegex(@"^(?<n>[a-zđ])\s*[.)]\s*(?<t>\S.*)$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex LetterRx { get; }

    // Word's symbol-font bullets (U+F0B7 "", U+F0A7, U+F076, U+F0D8, U+F0FC) survive text extraction as private-use characters.
    [GeneratedRegex(@"^(?:[-–—•+·∙▪►○◦\uF0B7\uF0A7\uF076\uF0D8\uF0FC]\s*)+", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BulletRx { get; }

    [GeneratedRegex(@"^(?:den|trong|vao)\s*nam\s*(\d{4})\s*:?\s*$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearContextRx { get; }

    [GeneratedRegex(@"(?:giai doan|nam)\s*(\d{4})\s*[-–]\s*(\d{4})", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PeriodRx { get; }

    [GeneratedRegex(@"(?<![a-z])nam\s*(\d{4})(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SingleYearRx { get; }

    /// <summary>Page-break joins stop here: a paragraph is never longer than a few pages.</summary>
    private const int MaxParagraph = 20_000;

    private readonly List<string> _warnings = [.. earlierWarnings];
    private readonly List<ImportedSection> _sections = [];
    private readonly List<Paragraph> _paragraphs = [];

    public ImportedPlan Read()
    {
        var lines = PlanMarkup.Lines(text, _warnings);
        var appendixStart = FindAppendix(lines);
        var body = lines.Take(appendixStart).ToList();
        var appendix = lines.Skip(appendixStart).ToList();

        var recipientsAt = body.FindIndex(l => !l.IsRow && l.Key.StartsWith("noi nhan", StringComparison.Ordinal));
        var document = ReadHeader(body, out var firstContentLine);
        if (recipientsAt >= 0)
        {
            var recipients = ReadRecipients(body, recipientsAt, out var signerLines);
            document = document with { Recipients = recipients, Signer = SignerFrom(signerLines, reportUnread: true) };
        }
        else
        {
            document = document with { Signer = ReadSignerAtEnd(body) };
        }

        var bodyEnd = recipientsAt >= 0 ? recipientsAt : body.Count;
        ReadSections(body, firstContentLine, bodyEnd);

        var planYear = options.DefaultYear
            ?? (document.PeriodFrom is { } pf && pf == document.PeriodTo ? pf : document.PeriodTo ?? document.IssuedYear);

        var tasks = appendix.Any(l => l.IsRow)
            ? new TaskTableReader(_warnings, planYear).Read(appendix)
            : BulletTasks(planYear);
        if (!appendix.Any(l => l.IsRow))
        {
            foreach (var l in appendix.Where(l => !l.IsBlank))
                _warnings.Add($"Dòng {l.Number}: phần phụ lục không có bảng nhiệm vụ; không đọc được \"{Short(l.Text)}\".");
        }
        foreach (var l in body.Where(l => l.IsRow))
            _warnings.Add($"Dòng {l.Number}: dòng bảng nằm ngoài phụ lục; chưa được đọc: \"{Short(l.Text)}\".");

        var fromAppendix = appendix.Any(l => l.IsRow);
        var targets = new TargetReader(document.PeriodTo ?? planYear).Read(_paragraphs, fromAppendix ? tasks : []);
        var reports = ReadReports(planYear);
        var childPlanDue = ReadChildPlanDue(planYear);

        if (document.Number is null && !_warnings.Contains("Số văn bản để trống.")) _warnings.Add("Không tìm thấy số văn bản (dòng \"Số: …\").");
        if (document.Title is null) _warnings.Add("Không tìm thấy tên kế hoạch (dòng sau chữ \"KẾ HOẠCH\").");
        if (document.IssuedYear is null) _warnings.Add("Không tìm thấy ngày ban hành (dòng \"…, ngày … tháng … năm …\").");
        if (tasks.Count == 0) _warnings.Add("Không tìm thấy nhiệm vụ nào (bảng phụ lục hoặc các gạch đầu dòng của phần nội dung).");
        if (reports.Count == 0) _warnings.Add("Không tìm thấy lịch báo cáo định kỳ có ngày cụ thể.");

        return new ImportedPlan(document, _sections, targets, tasks, reports, childPlanDue, CapWarnings(_warnings));
    }

    private static string Short(string s) => s.Length <= 80 ? s : s[..77] + "…";

    /// <summary>A garbled file can raise thousands of warnings; the user needs the first ones and the count.</summary>
    private static List<string> CapWarnings(List<string> warnings)
    {
        const int max = 200;
        if (warnings.Count <= max) return warnings;
        var kept = warnings.Take(max).ToList();
        kept.Add($"… và {warnings.Count - max} cảnh báo khác.");
        return kept;
    }

    private static int FindAppendix(List<PlanLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.IsRow || l.Text.Length > 60) continue;
            var key = l.Key;
            if ((key.StartsWith("phu luc", StringComparison.Ordinal) || key.StartsWith("danh muc", StringComparison.Ordinal))
                && l.IsUpperCase)
                return i;
        }
        var firstRow = lines.FindIndex(l => l.IsRow);
        return firstRow >= 0 ? firstRow : lines.Count;
    }

    // --- document header -------------------------------------------------------------------------

    private ImportedDocument ReadHeader(List<PlanLine> body, out int firstContentLine)
    {
        string? number = null, place = null, title = null;
        DateOnly? issuedOn = null;
        int? issuedYear = null;
        var bases = new List<string>();
        var issuer = new List<string>();
        firstContentLine = 0;
        var limit = Math.Min(body.Count, 80);
        var titleAt = -1;

        for (var i = 0; i < limit; i++)
        {
            var l = body[i];
            if (l.IsRow || l.IsBlank) continue;
            var key = l.Key;
            var nm = NumberRx.Match(key);
            if (number is null && nm.Success && l.Text.Length < 60)
            {
                var raw = l.Text[(l.Text.Length - nm.Groups[1].Length)..].Replace(" ", "");
                number = raw.Length > 0 && raw.Split('/')[0].Any(char.IsDigit) ? raw : null;
                if (number is null) _warnings.Add("Số văn bản để trống.");
                continue;
            }
            // The national motto of the letterhead is no part of the plan.
            if (titleAt < 0 && (key.StartsWith("cong hoa xa hoi", StringComparison.Ordinal) || key.StartsWith("doc lap", StringComparison.Ordinal)))
                continue;
            if (titleAt < 0 && issuedYear is null && l.Text.Length < 80 && l.IsUpperCase && key != "ke hoach")
            {
                issuer.Add(l.Text);
                continue;
            }
            var pd = PlaceDateRx.Match(key);
            if (issuedYear is null && pd.Success)
            {
                place = l.Text[..pd.Groups["place"].Length].Trim();
                issuedYear = int.Parse(pd.Groups["y"].Value);
                if (issuedYear is < 1900 or > 2200)
                {
                    issuedYear = null;
                    continue;
                }
                if (pd.Groups["d"].Success && pd.Groups["m"].Success)
                {
                    var d = int.Parse(pd.Groups["d"].Value);
                    var m = int.Parse(pd.Groups["m"].Value);
                    if (m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(issuedYear.Value, m))
                        issuedOn = new DateOnly(issuedYear.Value, m, d);
                }
                if (issuedOn is null) _warnings.Add("Ngày ban hành để trống hoặc không hợp lệ; chỉ lấy được năm.");
                continue;
            }
            if (titleAt < 0 && key == "ke hoach")
            {
                titleAt = i;
                var parts = new List<string>();
                var j = i + 1;
                while (j < body.Count && body[j].IsBlank) j++;
                for (; j < body.Count && !body[j].IsBlank && !body[j].IsRow && parts.Count < 4; j++)
                    parts.Add(body[j].Text);
                title = parts.Count > 0 ? string.Join(" ", parts) : null;
                firstContentLine = j;
                i = j - 1;
                continue;
            }
            if (titleAt >= 0 && IsHeading(l.Text, out _, out _, out _)) break;
            if (titleAt >= 0 && (key.StartsWith("can cu", StringComparison.Ordinal) || key.StartsWith("thuc hien", StringComparison.Ordinal)))
            {
                bases.AddRange(ReadBases(l.Text));
                firstContentLine = i + 1;
            }
        }

        int? from = null, to = null;
        if (title is not null)
        {
            var tkey = VietnameseText.Fold(title);
            var pm = PeriodRx.Match(tkey);
            if (pm.Success)
            {
                from = int.Parse(pm.Groups[1].Value);
                to = int.Parse(pm.Groups[2].Value);
            }
            else
            {
                var ym = SingleYearRx.Match(tkey);
                if (ym.Success) from = to = int.Parse(ym.Groups[1].Value);
            }
        }
        from ??= issuedYear;
        to ??= issuedYear;
        return new ImportedDocument(number, place, issuedOn, issuedYear, title, from, to, bases, null, [])
        {
            Issuer = issuer.Count > 0 ? string.Join(" / ", issuer) : null,
        };
    }

    private static readonly string[] DocumentKinds =
        ["chuong trinh", "ke hoach", "quyet dinh", "nghi quyet", "nghi dinh", "thong tu", "chi thi", "cong van", "luat", "huong dan", "van ban", "ket luan", "de an"];

    /// <summary>"Thực hiện A; B; Căn cứ tình hình…, Sở … xây dựng Kế hoạch…" → [A, B]: the documents, not the issuer's sentence.</summary>
    private static IEnumerable<string> ReadBases(string paragraph)
    {
        foreach (var piece in paragraph.Split(';'))
        {
            var part = piece.Trim();
            var key = VietnameseText.FoldChars(part);
            foreach (var lead in new[] { "can cu", "thuc hien", "va " })
            {
                if (key.StartsWith(lead, StringComparison.Ordinal))
                {
                    part = part[lead.Length..].Trim();
                    key = key[lead.Length..].Trim();
                }
            }
            var build = key.IndexOf(" xay dung ke hoach", StringComparison.Ordinal);
            if (build >= 0)
            {
                var comma = key.LastIndexOf(',', build);
                if (comma < 0) continue;
                part = part[..comma].Trim();
                key = key[..comma].Trim();
            }
            part = part.TrimEnd('.', ',', ' ', ':');
            if (part.Length > 0 && DocumentKinds.Any(k => key.StartsWith(k, StringComparison.Ordinal)))
                yield return part;
        }
    }

    /// <summary>
    /// The closing block: bullets are recipients, the other lines the signature. In a .docx the two sit
    /// side by side in a table, so their lines interleave ("Nơi nhận:", "GIÁM ĐỐC", "- UBND tỉnh;", …).
    /// </summary>
    private static List<string> ReadRecipients(List<PlanLine> body, int at, out List<string> signerLines)
    {
        var list = new List<string>();
        signerLines = [];
        // "Nơi nhận: - UBND tỉnh;" on one line happens when a table cell was flattened.
        var inline = body[at].Text;
        var colon = inline.IndexOf(':');
        if (colon >= 0 && colon + 1 < inline.Length)
        {
            foreach (var item in inline[(colon + 1)..].Split(';'))
                AddRecipient(list, item);
        }
        for (var i = at + 1; i < body.Count; i++)
        {
            var l = body[i];
            if (l.IsBlank || l.IsRow) continue;
            if (BulletRx.IsMatch(l.Text)) AddRecipient(list, l.Text);
            else signerLines.Add(l.Text);
        }
        return list;
    }

    private static void AddRecipient(List<string> list, string item)
    {
        var s = BulletRx.Replace(item.Trim(), "");
        var paren = s.IndexOf('(');
        if (paren > 0) s = s[..paren];
        s = s.Trim().TrimEnd(';', '.', ',', ' ');
        if (s.Length == 0) return;
        if (VietnameseText.Fold(s).StartsWith("luu", StringComparison.Ordinal)) return;
        list.Add(s);
    }

    private ImportedSigner? ReadSignerAtEnd(List<PlanLine> body) =>
        SignerFrom(body.Where(l => !l.IsRow && !l.IsBlank).TakeLast(3).Select(l => l.Text).Where(t => t.Length < 60).ToList());

    private ImportedSigner? SignerFrom(List<string> lines, bool reportUnread = false)
    {
        var titles = new List<string>();
        string? name = null;
        var unread = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length <= 60 && VietnameseText.IsUpperCase(line) && line.Any(char.IsLetter) && name is null && titles.Count < 4)
            {
                titles.Add(line.Trim());
            }
            else if (name is null && line.Length <= 60 && LooksLikeName(line))
            {
                name = line.Trim();
            }
            else
            {
                unread.Add(line);
            }
        }
        if (reportUnread)
        {
            foreach (var u in unread.Take(20)) _warnings.Add($"Sau phần nơi nhận và chữ ký: chưa đọc được \"{Short(u)}\".");
        }
        if (titles.Count == 0 && name is null) return null;
        if (titles.Count == 0) _warnings.Add("Không thấy chức danh người ký.");
        if (name is null) _warnings.Add("Không thấy tên người ký.");
        return new ImportedSigner(titles.Count > 0 ? string.Join(" / ", titles) : null, name);
    }

    private static bool LooksLikeName(string s)
    {
        var words = s.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 6 && words.All(w => char.IsUpper(w[0]) && w.Skip(1).All(char.IsLetter));
    }

    // --- sections and paragraphs -----------------------------------------------------------------

    /// <summary>Numbered headings: "II. NHIỆM VỤ…", "2.1. Công tác…", "a) Mục tiêu". Long or numeric lines are items, not headings.</summary>
    internal static bool IsHeading(string line, out string kind, out string number, out string title)
    {
        kind = number = title = "";
        Match m;
        if ((m = RomanRx.Match(line)).Success) kind = "roman";
        else if ((m = NumRx.Match(line)).Success) kind = "num";
        else if ((m = LetterRx.Match(line)).Success) kind = "letter";
        else return false;
        number = m.Groups["n"].Value.Replace(" ", "");
        title = m.Groups["t"].Value.Trim();
        if (title.Length == 0 || title.Length > 250 || title.EndsWith(';') || title.Contains('%')) return false;
        var colon = title.IndexOf(':');
        if ((colon > 0 && colon <= 100) || title.EndsWith(':')) return true;
        if (title.Length > 160) return false;
        for (var i = 0; i + 2 < title.Length - 1; i++)
        {
            if (title[i] == '.' && title[i + 1] == ' ' && char.IsUpper(title[i + 2])) return false;
        }
        return true;
    }

    private void ReadSections(List<PlanLine> body, int from, int to)
    {
        string? roman = null;
        var nums = new List<string>();
        string? letter = null;
        string? path = null;
        int? contextYear = null;
        var areas = new Dictionary<string, string?>();

        for (var i = from; i < to; i++)
        {
            var l = body[i];
            if (l.IsRow || l.IsBlank) continue;
            var lineText = l.Text;
            if (IsHeading(lineText, out var kind, out var number, out var title))
            {
                switch (kind)
                {
                    case "roman":
                        roman = number;
                        nums.Clear();
                        letter = null;
                        break;
                    case "num":
                        nums = [.. number.Split('.', StringSplitOptions.RemoveEmptyEntries)];
                        letter = null;
                        break;
                    default:
                        letter = number;
                        break;
                }
                var parts = new List<string>();
                if (roman is not null) parts.Add(roman);
                parts.AddRange(nums);
                if (letter is not null) parts.Add(letter);
                path = string.Join(".", parts);
                contextYear = null;

                var heading = title;
                string? rest = null;
                var colon = title.IndexOf(':');
                if (colon > 0 && colon < title.Length - 1)
                {
                    heading = title[..colon].Trim();
                    rest = title[(colon + 1)..].Trim();
                }
                heading = heading.TrimEnd(':', ' ');
                var area = ReformAreas.Of(heading) ?? ParentArea(areas, path);
                areas[path] = area;
                _sections.Add(new ImportedSection(path, heading, area));
                if (!string.IsNullOrEmpty(rest)) AddParagraph(l.Number, rest, path, contextYear);
                continue;
            }

            var key = l.Key;
            var ym = YearContextRx.Match(key);
            if (ym.Success)
            {
                contextYear = int.Parse(ym.Groups[1].Value);
                continue;
            }

            // A page break cuts a sentence: the next line starts in lower case.
            if (_paragraphs.Count > 0 && StartsLower(lineText) && !BulletRx.IsMatch(lineText))
            {
                var prev = _paragraphs[^1];
                if (!prev.Text.EndsWith('.') && !prev.Text.EndsWith(';') && !prev.Text.EndsWith(':') && prev.Text.Length < MaxParagraph)
                {
                    var joined = prev.Text + " " + lineText;
                    _paragraphs[^1] = prev with { Text = joined, Key = VietnameseText.FoldChars(joined) };
                    continue;
                }
            }
            AddParagraph(l.Number, lineText, path, contextYear);
        }
    }

    private static bool StartsLower(string s)
    {
        foreach (var c in s)
        {
            if (char.IsLetter(c)) return char.IsLower(c);
            if (char.IsDigit(c)) return false;
            if (!char.IsWhiteSpace(c) && c is not ('"' or '“' or '(')) return false;
        }
        return false;
    }

    private void AddParagraph(int line, string lineText, string? path, int? contextYear)
    {
        var bullet = BulletRx.Match(lineText);
        var isBullet = bullet.Success && bullet.Length > 0;
        var content = isBullet ? lineText[bullet.Length..].Trim() : lineText;
        var sub = isBullet && bullet.Value.Contains('+');
        if (content.Length == 0) return;
        _paragraphs.Add(new Paragraph(line, content, VietnameseText.FoldChars(content), isBullet, sub, path, contextYear));
    }

    private static string? ParentArea(Dictionary<string, string?> areas, string path)
    {
        var p = path;
        while (p.Contains('.'))
        {
            p = p[..p.LastIndexOf('.')];
            if (areas.TryGetValue(p, out var a) && a is not null) return a;
        }
        return null;
    }

    // --- tasks from bullets (plans without an appendix) --------------------------------------------

    private List<ImportedTask> BulletTasks(int? planYear)
    {
        var content = _sections.Where(s => s.Path.Split('.').Length == 1 && IsContentHeading(s.Heading)).Select(s => s.Path).ToHashSet();
        var objectives = _sections.Where(s => VietnameseText.Fold(s.Heading).StartsWith("muc tieu", StringComparison.Ordinal)).Select(s => s.Path).ToHashSet();
        var areaOf = _sections.GroupBy(s => s.Path).ToDictionary(g => g.Key, g => g.Last().Area);
        var tasks = new List<ImportedTask>();
        var collecting = false;
        foreach (var p in _paragraphs)
        {
            if (!p.IsBullet || p.Section is null) continue;
            var top = p.Section.Split('.')[0];
            if (!content.Contains(top)) continue;
            if (UnderAny(objectives, p.Section)) continue;
            // "- Rà soát … Cụ thể:" followed by "+ …" items: the items belong to that task.
            if (p.IsSubBullet && tasks.Count > 0 && (collecting || tasks[^1].Content.EndsWith(':')) && tasks[^1].Content.Length < MaxParagraph)
            {
                var t = tasks[^1];
                tasks[^1] = t with { Content = t.Content + " " + p.Text.TrimEnd(';', '.') + ";" };
                collecting = true;
                continue;
            }
            collecting = false;
            var deadlines = StatedDeadlines(p.Text, planYear);
            tasks.Add(new ImportedTask((tasks.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), p.Text,
                areaOf.GetValueOrDefault(p.Section), [], [], null, null, deadlines) { Section = p.Section });
        }
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i].Content.EndsWith(';')) tasks[i] = tasks[i] with { Content = tasks[i].Content.TrimEnd(';') };
        }
        return tasks;
    }

    private static bool UnderAny(HashSet<string> paths, string path)
    {
        var p = path;
        while (true)
        {
            if (paths.Contains(p)) return true;
            var dot = p.LastIndexOf('.');
            if (dot < 0) return false;
            p = p[..dot];
        }
    }

    private static bool IsContentHeading(string heading)
    {
        var key = VietnameseText.Fold(heading);
        return (key.Contains("noi dung", StringComparison.Ordinal) || key.Contains("nhiem vu", StringComparison.Ordinal))
            && !key.Contains("to chuc thuc hien", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:truoc ngay|cham nhat (?:la )?ngay|hoan thanh (?:truoc|trong)|thoi han)\s*[^;.]{0,40}", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex StatedDeadlineRx { get; }

    /// <summary>In a bullet only a deadline the words mark as one counts; "Nghị định … ngày 06/12/2021" is a citation.</summary>
    private static List<ImportedDeadline> StatedDeadlines(string text, int? planYear)
    {
        var key = VietnameseText.FoldChars(text);
        var list = new List<ImportedDeadline>();
        foreach (Match m in StatedDeadlineRx.Matches(key))
        {
            foreach (var d in DeadlineParser.Parse(text.Substring(m.Index, m.Length), planYear))
            {
                if (d.Due is not null) list.Add(new ImportedDeadline(d.Text, d.Due) { From = d.From });
            }
        }
        return list;
    }

    // --- reports and the child-plan deadline --------------------------------------------------------

    [GeneratedRegex(@"(?<![a-z])quy\s*(iv|iii|ii|i|[1-4])(?![a-z\d])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex QuarterRx { get; }

    [GeneratedRegex(@"(?<![a-z])(?:6|06|sau)\s*thang(?!\s*/)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex HalfRx { get; }

    [GeneratedRegex(@"(?:bao cao|ca)\s*nam(?!\s*\d)|^\s*nam\s*(?:gui|truoc)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearReportRx { get; }

    [GeneratedRegex(@"(?:truoc|den|cham nhat)\s*(?:ngay\s*)?(?:mung\s*)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DueRx { get; }

    [GeneratedRegex(@"ngay\s*(?:mung\s*)?(\d{1,2})\s*(?:cua\s*)?thang cuoi", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex LastMonthDayRx { get; }

    private List<ImportedReport> ReadReports(int? planYear)
    {
        var reports = new List<ImportedReport>();
        var reportSections = _sections.Where(s => VietnameseText.Fold(s.Heading).Contains("bao cao", StringComparison.Ordinal))
            .Select(s => s.Path).ToHashSet();
        foreach (var p in _paragraphs)
        {
            if (!p.Key.Contains("bao cao", StringComparison.Ordinal) && (p.Section is null || !reportSections.Contains(p.Section))) continue;
            if (p.Text.Length > MaxParagraph) continue;
            var clauses = p.Text.Replace('(', ';').Replace(')', ';').Split(';');
            foreach (var clause in clauses)
            {
                var c = clause.Trim().Trim('.', ',', ' ');
                if (c.Length == 0) continue;
                var key = VietnameseText.FoldChars(c);
                var periods = new List<string>();
                foreach (Match q in QuarterRx.Matches(key)) periods.Add("Q" + QuarterNumber(q.Groups[1].Value));
                if (HalfRx.IsMatch(key)) periods.Add("H1");
                if (YearReportRx.IsMatch(key)) periods.Add("YEAR");
                if (periods.Count == 0) continue;
                var due = DueRx.Match(key);
                var lastMonth = LastMonthDayRx.Match(key);
                if (!due.Success && !lastMonth.Success) continue;
                foreach (var period in periods.Distinct())
                {
                    DateOnly? date = null;
                    var year = planYear;
                    if (due.Success)
                    {
                        year = due.Groups[3].Success ? int.Parse(due.Groups[3].Value) : planYear;
                        date = SafeDate(year, int.Parse(due.Groups[2].Value), int.Parse(due.Groups[1].Value));
                    }
                    else if (period.StartsWith('Q') && planYear is not null)
                    {
                        var month = (period[1] - '0') * 3;
                        date = SafeDate(planYear, month, int.Parse(lastMonth.Groups[1].Value));
                    }
                    if (reports.Any(r => r.Period == period && r.Year == (date?.Year ?? year))) continue;
                    reports.Add(new ImportedReport(period, date?.Year ?? year, date, c));
                }
            }
        }
        return reports;
    }

    private static int QuarterNumber(string s) => s switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        _ => 4,
    };

    private static DateOnly? SafeDate(int? year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year.Value, month)
            ? new DateOnly(year.Value, month, day)
            : null;

    [GeneratedRegex(@"ke hoach[^;]{0,400}?truoc ngay\s*(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ChildPlanRx { get; }

    /// <summary>"… gửi Kế hoạch về Phòng GDĐT trước ngày 25/02/2022": the date subordinate units send their own plan.</summary>
    private DateOnly? ReadChildPlanDue(int? planYear)
    {
        foreach (var p in _paragraphs)
        {
            if (p.Key.Contains("bao cao", StringComparison.Ordinal) && !p.Key.Contains("ke hoach", StringComparison.Ordinal)) continue;
            foreach (Match m in ChildPlanRx.Matches(p.Key))
            {
                var year = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : planYear;
                var date = SafeDate(year, int.Parse(m.Groups[2].Value), int.Parse(m.Groups[1].Value));
                if (date is not null) return date;
            }
        }
        return null;
    }
}
