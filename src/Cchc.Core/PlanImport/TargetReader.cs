using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Core.Text;

namespace Cchc.Core.PlanImport;

/// <summary>
/// Finds the plan's measurable commitments: every clause that states a percentage, a count per year
/// ("02 lần/năm"), a time limit ("tối đa 30 phút"), a rank ("tăng bậc") or a score gain ("cao hơn năm
/// 2018"). "…, trong đó …" gives two targets; a year list or trajectory gives one target per year
/// (domain.md: 001's digitisation ≥30% in 2021–2022 then +20 points a year).
/// </summary>
internal sealed partial class TargetReader(int? defaultYear)
{
    // Source-generated, not interpreted: the patterns run on every line of documents of megabytes.
    private const int TimeoutMs = 2000;

    [GeneratedRegex(@"[;]|,?\s*trong do,?\s|,?\s*trong so do,?\s|\s+va ty le\s|\s[b-h]\)\s", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ClauseSplitRx { get; }

    [GeneratedRegex(@"^\d{1,2}\.\s+", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ItemNumberRx { get; }

    [GeneratedRegex(@"(?<![\d.,/])(?<a>\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*(?:den|-|–)\s*(?<b>\d{1,3}(?:[.,]\d{1,2})?)\s*%" +
        @"|(?<![\d.,/])(?<p>\d{1,3}(?:[.,]\d{1,2})?)\s*%" +
        @"|(?<![\d.,/])(?<t>\d{1,3})\s*lan\s*/\s*(?:0?1\s*)?nam" +
        @"|(?<![\d.,/])(?<m>\d{1,2})\s*thang\s*/\s*0?1\s*lan" +
        @"|(?<dw>toi da|it nhat|toi thieu|khong qua|trong vong)\s*(?:la\s*)?(?<d>\d{1,4})\s*(?<du>phut|ngay|gio)(?![a-z])" +
        @"|(?<![a-z])tang\s*(?<r>\d{1,2}\s*)?(?:bac|hang)(?![a-z])" +
        @"|(?<s>diem)[^;.]{0,120}?cao hon\s*(?:so voi\s*)?nam\s*(?<sy>\d{4})",
        RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex QuantityRx { get; }

    [GeneratedRegex(@"(?<![a-z])nam\s*(?<y>\d{4})(?<more>(?:\s*,\s*\d{4})*)(?!\s*[-–]\s*\d)(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearMarkRx { get; }

    [GeneratedRegex(@"so voi\s*(?:nam\s*)?(\d{4})|cao hon\s*(?:so voi\s*)?nam\s*(\d{4})", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BaseYearRx { get; }

    [GeneratedRegex(@"nam\s*(\d{4})\s*[-–]\s*(\d{4})\s*,?\s*moi nam tang\s*(?:toi thieu\s*|it nhat\s*)?(\d{1,3})\s*%", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex TrajectoryRx { get; }

    [GeneratedRegex(@"(?<![a-z])tang(?! cuong)(?![a-z])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex IncreaseRx { get; }

    [GeneratedRegex(@"(?<![a-z])giam(?! sat| doc| dinh| bot)(?![a-z])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DecreaseRx { get; }

    private readonly List<ImportedTarget> _targets = [];
    private string? _task;

    /// <summary>Targets of the body's paragraphs, then of the appendix's task cells (pass no tasks when they are the body's own bullets).</summary>
    public List<ImportedTarget> Read(IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<ImportedTask> appendixTasks)
    {
        foreach (var p in paragraphs) ReadText(ItemNumberRx.Replace(p.Text, ""), p.Section, p.ContextYear);
        foreach (var t in appendixTasks)
        {
            _task = t.Number;
            ReadText(t.Content, null, null);
            foreach (var part in t.Parts ?? []) ReadText(part.Content, null, null);
            if (t.Product is not null) ReadText(t.Product, null, null);
        }
        _task = null;
        return _targets;
    }

    /// <summary>Longer clauses are cut before the quantity search: a target is a sentence, not a chapter.</summary>
    private const int MaxClause = 4000;

    private void ReadText(string text, string? section, int? contextYear)
    {
        ImportedTarget? previous = null;
        foreach (var sentence in Sentences(text))
        {
            var sentenceKey = VietnameseText.FoldChars(sentence);
            var clauses = new List<(int Start, int End)>();
            var start = 0;
            IEnumerable<Match> separators = MaySplit(sentenceKey) ? ClauseSplitRx.Matches(sentenceKey) : [];
            foreach (var m in separators)
            {
                clauses.Add((start, m.Index));
                start = m.Index + m.Length;
            }
            clauses.Add((start, sentence.Length));
            foreach (var (cs, ce) in clauses)
            {
                var clause = sentence[cs..ce].Trim().Trim(',', '.', ' ', ':');
                if (clause.Length > MaxClause) clause = clause[..MaxClause];
                if (clause.Length == 0) continue;
                previous = ReadClause(clause, section, contextYear, previous);
            }
        }
    }

    // The patterns are tried only where the words they need occur: most sentences of a plan state no
    // number, and a regex scan costs more than these searches.

    /// <summary>Every separator of ClauseSplitRx has ";", ")", "trong" or "va ty le".</summary>
    private static bool MaySplit(string key) =>
        key.AsSpan().ContainsAny(';', ')') || key.Contains("trong", StringComparison.Ordinal) || key.Contains("va ty le", StringComparison.Ordinal);

    /// <summary>Every quantity of QuantityRx has a digit (\d: any Unicode decimal digit) except a rank gain "tăng bậc".</summary>
    private static bool MayHoldQuantity(string key)
    {
        if (key.Contains("tang", StringComparison.Ordinal)) return true;
        foreach (var c in key)
        {
            if (char.IsDigit(c)) return true;
        }
        return false;
    }

    /// <summary>Sentences end at ". " before a capital letter; the period of "9001:2015." and "TP." stays inside.</summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] == '.' && text[i + 1] == ' ' && (char.IsUpper(text[i + 2]) || char.IsDigit(text[i + 2])))
            {
                yield return text[start..i];
                start = i + 2;
            }
        }
        if (start < text.Length) yield return text[start..];
    }

    private ImportedTarget? ReadClause(string clause, string? section, int? contextYear, ImportedTarget? previous)
    {
        var key = VietnameseText.FoldChars(clause);
        var text = clause.TrimEnd(';', '.', ',');

        var trajectory = TrajectoryRx.Match(key);
        if (trajectory.Success && previous is not null)
        {
            var y1 = int.Parse(trajectory.Groups[1].Value, CultureInfo.InvariantCulture);
            var y2 = int.Parse(trajectory.Groups[2].Value, CultureInfo.InvariantCulture);
            var step = double.Parse(trajectory.Groups[3].Value, CultureInfo.InvariantCulture);
            var value = previous.Value;
            ImportedTarget? last = previous;
            for (var y = y1; y <= y2 && y - y1 < 50; y++)
            {
                value = Math.Min(100, value + step);
                last = new ImportedTarget(text, previous.Indicator, ">=", value, "%", y, section) { Task = _task };
                Add(last, y);
            }
            return last;
        }

        var quantities = MayHoldQuantity(key) ? QuantityRx.Matches(key).Cast<Match>().Take(50).ToList() : [];
        if (quantities.Count == 0) return previous;

        // One segment per quantity, cut in the gap between two quantities (see Cut).
        var bounds = new List<(int Start, int End)>();
        var segStart = 0;
        for (var i = 0; i < quantities.Count; i++)
        {
            var end = key.Length;
            if (i + 1 < quantities.Count)
            {
                var gapStart = quantities[i].Index + quantities[i].Length;
                var gap = key[gapStart..quantities[i + 1].Index];
                end = gapStart + Cut(gap);
            }
            bounds.Add((segStart, end));
            segStart = end;
        }

        // Found once per clause: every quantity of the clause picks its years from the same markers.
        var yearMarks = YearMarks(key);
        for (var i = 0; i < quantities.Count; i++)
        {
            var q = quantities[i];
            var (s, e) = bounds[i];
            var segment = key[s..e];
            var prefix = key[Math.Max(0, q.Index - 40)..q.Index];
            var suffix = key[(q.Index + q.Length)..Math.Min(key.Length, q.Index + q.Length + 15)];
            // The subject usually follows the number ("…, 100% TTHC được …"): look from the last comma first.
            var lastComma = key.LastIndexOf(',', Math.Max(0, q.Index - 1), Math.Max(0, q.Index - s));
            var near = lastComma >= s ? key[(lastComma + 1)..e] : segment;
            var indicator = Indicators.Guess(near) ?? Indicators.Guess(segment) ?? Indicators.Guess(key);

            double value;
            double? valueTo = null;
            string unit;
            string comparator;
            int? baseYear = null;
            if (q.Groups["a"].Success)
            {
                value = Number(q.Groups["a"].Value);
                valueTo = Number(q.Groups["b"].Value);
                unit = "%";
                comparator = ">=";
            }
            else if (q.Groups["p"].Success)
            {
                value = Number(q.Groups["p"].Value);
                unit = "%";
                comparator = Comparator(prefix, suffix, value, "%");
            }
            else if (q.Groups["m"].Success)
            {
                var months = Number(q.Groups["m"].Value);
                if (months is < 1 or > 12) continue;
                value = Math.Round(12 / months);
                unit = "times";
                comparator = "=";
            }
            else if (q.Groups["t"].Success)
            {
                value = Number(q.Groups["t"].Value);
                unit = "times";
                comparator = Comparator(prefix, suffix, value, "times");
            }
            else if (q.Groups["d"].Success)
            {
                value = Number(q.Groups["d"].Value);
                unit = q.Groups["du"].Value switch { "phut" => "minutes", "gio" => "hours", _ => "days" };
                comparator = q.Groups["dw"].Value is "toi thieu" or "it nhat" ? ">=" : "<=";
            }
            else if (q.Value.StartsWith("tang", StringComparison.Ordinal))
            {
                value = q.Groups["r"].Success ? Number(q.Groups["r"].Value.Trim()) : 1;
                unit = "rank";
                comparator = ">=";
                indicator = key.Contains("chi so", StringComparison.Ordinal) || key.Contains("par", StringComparison.Ordinal) ? "PAR_INDEX_RANK" : indicator;
                baseYear = BaseYear(key);
            }
            else
            {
                value = 0;
                unit = "points";
                comparator = ">";
                indicator = "PAR_INDEX_SCORE";
                baseYear = int.Parse(q.Groups["sy"].Value, CultureInfo.InvariantCulture);
            }
            if (unit == "%" && value > 100) continue;

            string? change = null;
            // Spans, not substrings: a clause of a few thousand characters has up to 50 quantities.
            var before = key.AsSpan(0, q.Index);
            var tail = before.Length > 40 ? before[^40..] : before;
            if (unit == "%" && IncreaseRx.IsMatch(tail)) change = "increase";
            else if (unit == "%" && DecreaseRx.IsMatch(before)) change = "decrease";

            var years = Years(yearMarks, segment, s, q, contextYear);
            foreach (var year in years)
            {
                var target = new ImportedTarget(text, indicator, comparator, value, unit, year, section)
                {
                    ValueTo = valueTo,
                    BaseYear = baseYear,
                    Change = change,
                    Task = _task,
                };
                Add(target, q.Index);
                previous = target;
            }
        }
        return previous;
    }

    private readonly HashSet<(string, double, int?, string, string?, int)> _seen = [];

    // The same clause read twice (a paragraph repeated by the page layout) gives one target.
    private static readonly string[] Intros =
        [" co tu ", " dat tu ", " dat ", " toi thieu ", " it nhat ", " chiem ", " tren ", " duoi ", " toi da "];

    /// <summary>
    /// Where the words of one quantity end and the next begin: at the last comma; else at a "và" close
    /// to the next number ("… ISO 9001 và có từ 80%"); else before the words that introduce the next
    /// number ("… do thành phố triển khai thực hiện | có từ 80%"); else right after the first number.
    /// </summary>
    private static int Cut(string gap)
    {
        var comma = gap.LastIndexOf(',');
        if (comma >= 0) return comma;
        var and = gap.LastIndexOf(" va ", StringComparison.Ordinal);
        if (and >= 0 && gap.Length - and <= 40) return and;
        var padded = gap + " ";
        var intro = -1;
        foreach (var w in Intros)
        {
            var at = padded.LastIndexOf(w, StringComparison.Ordinal);
            if (at >= 0 && padded.Length - at <= 25 && (intro < 0 || at < intro)) intro = at;
        }
        if (intro >= 0) return Math.Min(intro, gap.Length);
        return and >= 0 ? and : 0;
    }

    private void Add(ImportedTarget t, int position)
    {
        if (_seen.Add((t.Text, t.Value, t.Year, t.Unit, t.Section, position))) _targets.Add(t);
    }

    private static double Number(string s) =>
        double.TryParse(s.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string Comparator(string prefix, string suffix, double value, string unit)
    {
        if (suffix.TrimStart().StartsWith("tro len", StringComparison.Ordinal)) return ">=";
        var tail = " " + (prefix.Length > 30 ? prefix[^30..] : prefix) + " ";
        var best = -1;
        var result = "";
        void Find(string phrase, string cmp)
        {
            var at = tail.LastIndexOf(phrase, StringComparison.Ordinal);
            if (at > best)
            {
                best = at;
                result = cmp;
            }
        }
        Find("toi thieu", ">=");
        Find("it nhat", ">=");
        Find("khong duoi", ">=");
        Find("khong it hon", ">=");
        // "trên", "hơn", "từ" compare only right before the number: "trên tổng số hồ sơ đạt 100%" does not.
        var near = tail.Length > 12 ? tail[^12..] : tail;
        var offset = tail.Length - near.Length;
        void FindNear(string phrase, string cmp)
        {
            var at = near.LastIndexOf(phrase, StringComparison.Ordinal);
            if (at >= 0 && at + offset > best)
            {
                best = at + offset;
                result = cmp;
            }
        }
        FindNear(" tu ", ">=");
        FindNear(" tren ", ">");
        FindNear(" vuot ", ">");
        FindNear(" hon ", ">");
        Find("toi da", "<=");
        Find("khong qua", "<=");
        Find(" duoi ", tail.Contains("khong", StringComparison.Ordinal) ? ">=" : "<");
        if (best >= 0) return result;
        return value >= 100 || unit == "times" ? "=" : ">=";
    }

    private static int? BaseYear(string key)
    {
        var m = BaseYearRx.Match(key);
        if (!m.Success) return null;
        var g = m.Groups[1].Success ? m.Groups[1] : m.Groups[2];
        return int.Parse(g.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The "năm …" markers of a clause with their positions; "so với năm 2021" is a base year, not a marker.</summary>
    private static List<(int At, List<int> Years)> YearMarks(string key)
    {
        var marks = new List<(int At, List<int> Years)>();
        foreach (Match m in YearMarkRx.Matches(key))
        {
            var before = key.AsSpan(0, m.Index);
            if (before.EndsWith("so voi ", StringComparison.Ordinal) || before.EndsWith("hon ", StringComparison.Ordinal)
                || before.EndsWith("giai doan ", StringComparison.Ordinal) || before.EndsWith("cao hon so voi ", StringComparison.Ordinal))
                continue;
            var years = new List<int> { int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) };
            foreach (var more in m.Groups["more"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                years.Add(int.Parse(more, CultureInfo.InvariantCulture));
            marks.Add((m.Index, years));
        }
        return marks;
    }

    /// <summary>
    /// The years a quantity is due: "năm" markers in its own segment (the nearest before it, else the first
    /// after), else in the clause before it, else the block's "Đến năm 2025:", else the plan's last year.
    /// A list "Năm 2021, 2022" gives each year. "so với năm 2021" is a base, not a due year.
    /// </summary>
    private List<int?> Years(List<(int At, List<int> Years)> marks, string segment, int segmentStart, Match q, int? contextYear)
    {
        var segmentEnd = segmentStart + segment.Length;
        var inSegmentBefore = marks.Where(m => m.At >= segmentStart && m.At < q.Index).ToList();
        if (inSegmentBefore.Count > 0) return inSegmentBefore[^1].Years.Select(y => (int?)y).ToList();
        var inSegmentAfter = marks.Where(m => m.At > q.Index && m.At < segmentEnd).ToList();
        if (inSegmentAfter.Count > 0) return inSegmentAfter[0].Years.Select(y => (int?)y).ToList();
        return [contextYear ?? defaultYear];
    }
}
