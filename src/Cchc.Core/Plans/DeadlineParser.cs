using System.Text.RegularExpressions;
using Cchc.Core.Text;

namespace Cchc.Core.Plans;

/// <summary>
/// One deadline stated by a plan. <see cref="Text"/> keeps the document's words (NFC, whitespace folded);
/// <see cref="From"/>..<see cref="Due"/> is the period it allows: "Quý I/2019" is 2019-01-01..2019-03-31,
/// "trước ngày 25/02/2022" has no start and is due 2022-02-25, "Theo yêu cầu của Sở Nội vụ" fixes no date.
/// </summary>
public sealed record Deadline(string Text, DateOnly? From, DateOnly? Due);

/// <summary>
/// Reads the deadline expressions of Vietnamese plans (plan-import.md, domain.md): quarters, months,
/// days, whole years, halves, ranges ("Từ Quý IV/2022 đến Quý I/2023") and lists ("Lần 1: … Lần 2: …",
/// "Ngày 5/4: BC quý I. 5/7 BC quý II…"). Used by the plan pages, the spreadsheet import and the importer.
/// </summary>
public static partial class DeadlineParser
{
    /// <summary>Longer cells are cut before matching: a deadline cell is a line, not a page.</summary>
    public const int MaxParsedLength = 2000;

    private const int TimeoutMs = 500;

    // All patterns run on the folded text (lower case, no diacritics, đ → d) and have no nested
    // quantifiers, so they run in linear time; the timeout is a second guard.
    [GeneratedRegex(@"(?:nam|giai doan)\s*(\d{4})\s*[-–—]\s*(\d{4})(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearRangeRx { get; }

    [GeneratedRegex(@"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DateWordsRx { get; }

    [GeneratedRegex(@"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex IsoDateRx { get; }

    [GeneratedRegex(@"(?<![\d/.])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DateRx { get; }

    [GeneratedRegex(@"(?<![a-z])quy\s*(iv|iii|ii|i|0?[1-4])(?![a-z\d])(?:\s*(?:/|-|nam)\s*(\d{4})(?!\d))?", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex QuarterRx { get; }

    [GeneratedRegex(@"(?<![a-z])thang\s*(\d{1,2})(?![\d])(?:\s*(?:/|-|nam)\s*(\d{4})(?!\d))?(?!\s*/)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex MonthRx { get; }

    [GeneratedRegex(@"(?:(?:0?6|sau)\s*thang|nua)\s*(dau|cuoi)\s*nam(?:\s*(\d{4})(?!\d))?", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex HalfRx { get; }

    [GeneratedRegex(@"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DayMonthWordsRx { get; }

    [GeneratedRegex(@"(?<![\d/.])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DayMonthRx { get; }

    [GeneratedRegex(@"(?<![a-z])nam\s*(\d{4})(?!\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex YearRx { get; }

    [GeneratedRegex(@"[.;,\n]|(?<![a-z])va(?![a-z])|(?<![a-z])lan\s*\d", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SeparatorRx { get; }

    private enum Kind { Date, DayMonth, Month, Quarter, Half, Year, YearRange }

    private sealed record Atom(int Start, int End, Kind Kind, int A, int B, int? Year, int? Year2 = null)
    {
        public int? ResolvedYear { get; set; }
    }

    /// <summary>
    /// The deadlines stated by <paramref name="text"/>, in document order. Year-less forms ("Quý I",
    /// "5/7", "Tháng 12") take the nearest year written in the same text, else <paramref name="defaultYear"/>
    /// (the plan's year); without either their dates stay null. Text fixing no date gives one deadline
    /// without dates; empty text gives none. Never throws.
    /// </summary>
    public static IReadOnlyList<Deadline> Parse(string? text, int? defaultYear = null)
    {
        var original = VietnameseText.FoldWhitespace(text);
        if (original.Length == 0) return [];
        var parsed = original.Length > MaxParsedLength ? original[..MaxParsedLength] : original;
        var key = VietnameseText.FoldChars(parsed);

        List<Atom> atoms;
        try
        {
            atoms = FindAtoms(key);
        }
        catch (RegexMatchTimeoutException)
        {
            return [new Deadline(original, null, null)];
        }
        if (atoms.Count == 0) return [new Deadline(original, null, null)];

        ResolveYears(atoms, defaultYear);
        var spans = MergeRanges(atoms, key);
        if (spans.Count == 1)
        {
            var (from, due) = spans[0].Range;
            return [new Deadline(original, from, due)];
        }

        var result = new List<Deadline>(spans.Count);
        var starts = new int[spans.Count];
        var ends = new int[spans.Count];
        ends[^1] = original.Length;
        for (var i = 1; i < spans.Count; i++)
        {
            var gapStart = spans[i - 1].End;
            var gap = key[gapStart..spans[i].Start];
            Match? last = null;
            foreach (Match m in SeparatorRx.Matches(gap)) last = m;
            if (last is null)
            {
                ends[i - 1] = starts[i] = spans[i].Start;
            }
            else if (last.Value.StartsWith("lan", StringComparison.Ordinal))
            {
                ends[i - 1] = starts[i] = gapStart + last.Index;
            }
            else
            {
                // The separator ("." ";" "," "và") belongs to neither piece.
                ends[i - 1] = gapStart + last.Index;
                starts[i] = gapStart + last.Index + last.Length;
            }
        }
        for (var i = 0; i < spans.Count; i++)
        {
            var piece = original[starts[i]..ends[i]].Trim(' ', ',', ';', '.', ':', '-');
            if (piece.Length == 0) piece = original;
            var (from, due) = spans[i].Range;
            result.Add(new Deadline(piece, from, due));
        }
        return result;
    }

    /// <summary>
    /// The whole period the text allows: the earliest start and the latest due date of its deadlines
    /// ("Lần 1: Quý II/2019 Lần 2: Quý III/2019" → 2019-04-01..2019-09-30). Nulls where nothing is fixed.
    /// </summary>
    public static (DateOnly? From, DateOnly? Due) Range(string? text, int? defaultYear = null)
    {
        var deadlines = Parse(text, defaultYear);
        var dues = deadlines.Where(d => d.Due is not null).Select(d => d.Due!.Value).ToList();
        var froms = deadlines.Where(d => d.From is not null).Select(d => d.From!.Value).ToList();
        return (froms.Count > 0 ? froms.Min() : null, dues.Count > 0 ? dues.Max() : null);
    }

    /// <summary>The last day of the first deadline <paramref name="text"/> states, or null.</summary>
    public static DateOnly? FirstDue(string? text, int? defaultYear = null) =>
        Parse(text, defaultYear).Select(d => d.Due).FirstOrDefault(d => d is not null);

    /// <summary>True when the text states at least one date (used to tell a deadline cell from a product cell).</summary>
    public static bool StatesDate(string? text, int? defaultYear = null) =>
        Parse(text, defaultYear).Any(d => d.Due is not null);

    private sealed record Span(int Start, int End, (DateOnly? From, DateOnly? Due) Range);

    private static List<Atom> FindAtoms(string key)
    {
        var atoms = new List<Atom>();
        var taken = new bool[key.Length + 1];

        void Add(Regex rx, Func<Match, Atom?> make)
        {
            foreach (Match m in rx.Matches(key))
            {
                var overlaps = false;
                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    if (taken[i]) { overlaps = true; break; }
                }
                if (overlaps) continue;
                var atom = make(m);
                if (atom is null) continue;
                for (var i = m.Index; i < m.Index + m.Length; i++) taken[i] = true;
                atoms.Add(atom);
            }
        }

        Add(YearRangeRx, m => MakeAtom(m, Kind.YearRange, 0, 0, Int(m.Groups[1]), Int(m.Groups[2])));
        Add(DateWordsRx, m => MakeAtom(m, Kind.Date, N(m.Groups[1]), N(m.Groups[2]), Int(m.Groups[3])));
        Add(IsoDateRx, m => MakeAtom(m, Kind.Date, N(m.Groups[3]), N(m.Groups[2]), Int(m.Groups[1])));
        Add(DateRx, m => MakeAtom(m, Kind.Date, N(m.Groups[1]), N(m.Groups[3]), Int(m.Groups[4])));
        Add(QuarterRx, m => MakeAtom(m, Kind.Quarter, Quarter(m.Groups[1].Value), 0, m.Groups[2].Success ? Int(m.Groups[2]) : null));
        Add(HalfRx, m => MakeAtom(m, Kind.Half, m.Groups[1].Value == "dau" ? 1 : 2, 0, m.Groups[2].Success ? Int(m.Groups[2]) : null));
        Add(MonthRx, m => MakeAtom(m, Kind.Month, N(m.Groups[1]), 0, m.Groups[2].Success ? Int(m.Groups[2]) : null));
        Add(DayMonthWordsRx, m => MakeAtom(m, Kind.DayMonth, N(m.Groups[1]), N(m.Groups[2]), null));
        Add(DayMonthRx, m => MakeAtom(m, Kind.DayMonth, N(m.Groups[1]), N(m.Groups[2]), null));
        Add(YearRx, m => MakeAtom(m, Kind.Year, 0, 0, Int(m.Groups[1])));

        // "Ngày 5/4: BC quý I. 5/7 BC quý II": where days are written, a year-less quarter only names the report.
        if (atoms.Any(a => a.Kind == Kind.DayMonth))
            atoms.RemoveAll(a => a.Kind == Kind.Quarter && a.Year is null);

        atoms.Sort((x, y) => x.Start.CompareTo(y.Start));
        return atoms;
    }

    private static Atom? MakeAtom(Match m, Kind kind, int a, int b, int? year, int? year2 = null)
    {
        if (year is < 1900 or > 2200) return null;
        if (year2 is < 1900 or > 2200) return null;
        var valid = kind switch
        {
            Kind.Date => IsDate(year!.Value, b, a),
            Kind.DayMonth => a is >= 1 and <= 31 && b is >= 1 and <= 12,
            Kind.Month => a is >= 1 and <= 12,
            Kind.Quarter => a is >= 1 and <= 4,
            Kind.YearRange => year2 >= year,
            _ => true,
        };
        return valid ? new Atom(m.Index, m.Index + m.Length, kind, a, b, year, year2) : null;
    }

    private static bool IsDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int N(Group g) => int.TryParse(g.Value, out var v) ? v : 0;

    private static int? Int(Group g) => int.TryParse(g.Value, out var v) ? v : null;

    private static int Quarter(string s) => s switch
    {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        _ => int.TryParse(s, out var v) ? v : 0,
    };

    private static void ResolveYears(List<Atom> atoms, int? defaultYear)
    {
        for (var i = 0; i < atoms.Count; i++)
        {
            if (atoms[i].Year is not null)
            {
                atoms[i].ResolvedYear = atoms[i].Year;
                continue;
            }
            // A later explicit year in the same text ("trong quý I và … cả năm 2022"), else an earlier one.
            int? year = null;
            for (var j = i + 1; j < atoms.Count && year is null; j++)
            {
                if (atoms[j].Kind != Kind.YearRange) year = atoms[j].Year;
            }
            for (var j = i - 1; j >= 0 && year is null; j--)
            {
                if (atoms[j].Kind != Kind.YearRange) year = atoms[j].Year;
            }
            atoms[i].ResolvedYear = year ?? defaultYear;
        }
    }

    private static (DateOnly? From, DateOnly? Due) Range(Atom a)
    {
        if (a.ResolvedYear is not { } y || y is < 1900 or > 2200) return (null, null);
        switch (a.Kind)
        {
            case Kind.Date:
                return (null, new DateOnly(y, a.B, a.A));
            case Kind.DayMonth:
                return IsDate(y, a.B, a.A) ? (null, new DateOnly(y, a.B, a.A)) : (null, null);
            case Kind.Month:
                return (new DateOnly(y, a.A, 1), new DateOnly(y, a.A, DateTime.DaysInMonth(y, a.A)));
            case Kind.Quarter:
                var lastMonth = a.A * 3;
                return (new DateOnly(y, lastMonth - 2, 1), new DateOnly(y, lastMonth, DateTime.DaysInMonth(y, lastMonth)));
            case Kind.Half:
                return a.A == 1 ? (new DateOnly(y, 1, 1), new DateOnly(y, 6, 30)) : (new DateOnly(y, 7, 1), new DateOnly(y, 12, 31));
            case Kind.Year:
                return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            case Kind.YearRange:
                return (new DateOnly(y, 1, 1), new DateOnly(a.Year2!.Value, 12, 31));
            default:
                return (null, null);
        }
    }

    private static List<Span> MergeRanges(List<Atom> atoms, string key)
    {
        var spans = new List<Span>(atoms.Count);
        for (var i = 0; i < atoms.Count; i++)
        {
            var a = atoms[i];
            var range = Range(a);
            if (i + 1 < atoms.Count)
            {
                var b = atoms[i + 1];
                var gap = key[a.End..b.Start].Trim();
                if (gap is "den" or "-" or "–" or "—" or "toi" or "den het")
                {
                    var second = Range(b);
                    spans.Add(new Span(a.Start, b.End, (range.From ?? range.Due, second.Due)));
                    i++;
                    continue;
                }
            }
            spans.Add(new Span(a.Start, a.End, range));
        }
        return spans;
    }
}
