using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cchc.Core.Text;

namespace Cchc.Core.PlanImport;

/// <summary>
/// One line of a plan after markup is removed: plain text, or the cells of a table row. A class, not a
/// record: it caches its folded key, which must not take part in any equality.
/// </summary>
internal sealed class PlanLine(int number, string text, IReadOnlyList<string>? cells)
{
    private string? _key;
    private bool? _isUpperCase;

    public int Number { get; } = number;
    public string Text { get; } = text;
    public IReadOnlyList<string>? Cells { get; } = cells;
    public bool IsRow => Cells is not null;
    public bool IsBlank => Cells is null && Text.Length == 0;

    /// <summary><see cref="VietnameseText.Fold"/> of the text, computed once: several readers test every line.</summary>
    public string Key => _key ??= VietnameseText.Fold(Text);

    /// <summary><c>Text == Text.ToUpperInvariant()</c> (a title, a letterhead line), computed once.</summary>
    public bool IsUpperCase => _isUpperCase ??= VietnameseText.IsUpperCase(Text);
}

/// <summary>
/// Removes what documents carry besides words: markdown headings and emphasis, HTML fragments
/// (&lt;b&gt;, &lt;i&gt;, &lt;br&gt;, entities), page-number lines; turns tab-separated and pipe rows into cells.
/// </summary>
internal static partial class PlanMarkup
{
    // Source-generated, not interpreted: the patterns run on every line of documents of megabytes.
    private const int TimeoutMs = 2000;

    [GeneratedRegex(@"<\s*br\s*/?\s*>|<\s*/\s*p\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BreakTagRx { get; }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,300})?/?\s*>", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex TagRx { get; }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s*", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex HeadingMarkRx { get; }

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PipeSeparatorRx { get; }

    [GeneratedRegex(@"^\s*(?:(?:trang|page)\s*\d{1,4}(?:\s*/\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–]|\d{1,3}\s*/\s*\d{1,3})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PageNumberRx { get; }

    public static List<PlanLine> Lines(string text, List<string> warnings)
    {
        var nfc = VietnameseText.Nfc(text);
        nfc = BreakTagRx.Replace(nfc, "\n");
        var raw = nfc.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n')
            .Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\v', '\n').Split('\n');

        var lines = new List<PlanLine>(raw.Length);
        var pageNumbers = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i];
            // Each pattern is tried only on lines holding a character it needs: a match call costs more
            // than the scan (timeout set-up), and a plan has tens of thousands of lines.
            if (line.Contains("--", StringComparison.Ordinal) && PipeSeparatorRx.IsMatch(line)) continue;
            var cells = SplitRow(line);
            if (cells is not null)
            {
                lines.Add(new PlanLine(i + 1, string.Join(" ", cells.Where(c => c.Length > 0)), cells));
                continue;
            }
            // One tab: the two columns of a letterhead table ("Số: 375/KH-SGDĐT<TAB>Hà Nội, ngày …") are two lines.
            foreach (var part in line.Contains('\t') ? line.Split('\t') : [line])
            {
                var clean = CleanText(part.Contains('#') ? HeadingMarkRx.Replace(part, "") : part);
                if (clean.Length is > 0 and <= MaxPageNumberLine && HasDigit(clean) && PageNumberRx.IsMatch(clean))
                {
                    pageNumbers++;
                    continue;
                }
                if (clean.Length > 0 || part == line) lines.Add(new PlanLine(i + 1, clean, null));
            }
        }
        if (pageNumbers > 0) warnings.Add($"Đã bỏ {pageNumbers} dòng chỉ có số trang.");
        return lines;
    }

    // The longest text PageNumberRx accepts once white space is folded: "trang 1234 / 1234" (17 characters).
    private const int MaxPageNumberLine = 40;

    // \d of .NET regexes is any Unicode decimal digit, as char.IsDigit.
    private static bool HasDigit(string s)
    {
        foreach (var c in s)
        {
            if (char.IsDigit(c)) return true;
        }
        return false;
    }

    /// <summary>Cells of a table row: two tabs or more, or a markdown pipe row "| a | b |".</summary>
    private static List<string>? SplitRow(string line)
    {
        string[] parts;
        var trimmed = line.Trim();
        if (line.AsSpan().Count('\t') >= 2)
        {
            parts = line.Split('\t');
        }
        else if (trimmed.StartsWith('|') && trimmed.AsSpan().Count('|') >= 3)
        {
            var inner = trimmed.Trim('|');
            parts = inner.Split('|');
        }
        else
        {
            return null;
        }
        return parts.Select(CleanText).ToList();
    }

    /// <summary>Tags and emphasis removed, entities decoded, white space folded.</summary>
    public static string CleanText(string s)
    {
        if (s.Length == 0) return s;
        if (s.Contains('<')) s = TagRx.Replace(s, "");
        if (s.Contains('&')) s = WebUtility.HtmlDecode(s);
        var sb = new StringBuilder(s.Length);
        var seenText = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            // Markdown emphasis (** __ *) around words; a leading "* " bullet becomes "- ".
            if (c == '*')
            {
                if (!seenText && i + 1 < s.Length && s[i + 1] == ' ')
                {
                    sb.Append('-');
                    seenText = true;
                }
                continue;
            }
            if (!char.IsWhiteSpace(c)) seenText = true;
            if (c == '_' && i + 1 < s.Length && s[i + 1] == '_')
            {
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < s.Length && "-*_#.()[]".Contains(s[i + 1])) continue;
            if (char.IsControl(c) && c != '\t') continue;
            sb.Append(c);
        }
        return VietnameseText.FoldWhitespace(sb.ToString());
    }
}
