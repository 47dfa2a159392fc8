using System.Buffers;
using System.Globalization;
using System.Text;

namespace Cchc.Core.Text;

/// <summary>
/// Vietnamese text as users type it and as documents deliver it: NFC or NFD, stray spaces, no-break
/// spaces, diacritics sometimes missing. domain.md: search must ignore diacritics ("thu tuc" finds "thủ tục").
/// </summary>
public static class VietnameseText
{
    /// <summary>NFC form; null becomes the empty string. Invalid UTF-16 (lone surrogates) is replaced.</summary>
    public static string Nfc(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (IsSurelyNfc(text)) return text;
        var clean = ReplaceLoneSurrogates(text);
        return clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// True when every character is below U+0300 (Latin letters, no combining marks), in Latin Extended
    /// Additional (U+1E00–U+1EFF: every precomposed Vietnamese vowel with a tone) or in U+2010–U+206F
    /// (dashes, quotes, ellipsis). Each of them is NFC alone and never composes with a neighbour
    /// (NFC_Quick_Check = Yes, combining class 0), so such a text is NFC without asking ICU; nor can it
    /// hold a surrogate. Almost every line of a Vietnamese plan passes, and parsers normalise each line often.
    /// </summary>
    private static bool IsSurelyNfc(string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var at = rest.IndexOfAnyExceptInRange('\0', '\u02FF');
            if (at < 0) return true;
            if (rest[at] is not (>= '\u1E00' and <= '\u1EFF') and not (>= '\u2010' and <= '\u206F')) return false;
            rest = rest[(at + 1)..];
        }
    }

    /// <summary>NFC, every run of white space (tabs, no-break spaces, line breaks) folded to one space, trimmed.</summary>
    public static string FoldWhitespace(string? text)
    {
        var nfc = Nfc(text);
        if (IsWhitespaceFolded(nfc)) return nfc;
        var sb = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var c in nfc)
        {
            if (IsSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Most texts are folded already (a parser folds the same line several times): no copy for them.
    // Folded: no white space but single ' ' between words, none at either end.
    private static bool IsWhitespaceFolded(string s) =>
        s.Length == 0
        || (s[0] != ' ' && s[^1] != ' ' && !s.AsSpan().ContainsAny(SpacesButSpace) && !s.Contains("  ", StringComparison.Ordinal));

    // Every character IsSpace accepts except ' ', for a vectorised search.
    private static readonly SearchValues<char> SpacesButSpace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => c != ' ' && IsSpace(c)).ToArray());

    /// <summary>
    /// The search key of a text: NFC, lower case, diacritics removed, đ → d, white space folded.
    /// Every character of the NFC text maps to exactly one character, so positions found in the key
    /// are positions in <see cref="Nfc"/> of the same text (see <see cref="FoldChars"/>).
    /// </summary>
    public static string Fold(string? text) => FoldWhitespace(FoldChars(FoldWhitespace(text)));

    /// <summary>
    /// Lower case and diacritics removed character by character, keeping the length: the result lines
    /// up with the NFC input, which lets a parser match on the folded text and cut the original.
    /// </summary>
    public static string FoldChars(string? text)
    {
        var nfc = Nfc(text);
        var chars = new char[nfc.Length];
        for (var i = 0; i < nfc.Length; i++) chars[i] = FoldChar(nfc[i]);
        return new string(chars);
    }

    /// <summary>One character folded: lower case, no diacritic, đ/Đ → d, no-break space → space.</summary>
    public static char FoldChar(char c) => c < 128 ? char.ToLowerInvariant(c) : FoldTable.Value[c];

    // Built once: normalising per character would dominate the cost of folding a 20 MB document.
    private static readonly Lazy<char[]> FoldTable = new(() =>
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++) table[i] = ComputeFold((char)i);
        return table;
    });

    private static char ComputeFold(char c)
    {
        if (c < 128) return char.ToLowerInvariant(c);
        if (c is 'đ' or 'Đ') return 'd';
        if (IsSpace(c)) return ' ';
        if (char.IsSurrogate(c)) return c;
        string decomposed;
        try
        {
            decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return c;
        }
        var b = decomposed[0];
        if (decomposed.Length == 1 || CharUnicodeInfo.GetUnicodeCategory(b) == UnicodeCategory.NonSpacingMark)
            return char.ToLowerInvariant(c);
        return char.ToLowerInvariant(b);
    }

    /// <summary>
    /// True when <paramref name="haystack"/> contains <paramref name="needle"/> ignoring case,
    /// diacritics, Unicode form and spacing: "thu tuc" matches "Thủ  tục hành chính".
    /// </summary>
    public static bool ContainsFolded(string? haystack, string? needle)
    {
        var n = Fold(needle);
        if (n.Length == 0) return true;
        return Fold(haystack).Contains(n, StringComparison.Ordinal);
    }

    /// <summary>
    /// Tolerant equality for names typed by people: equal after folding, or the folded forms differ by
    /// at most <paramref name="maxEdits"/> single-character edits (typos such as "Phân đấu"/"Phấn đấu").
    /// </summary>
    public static bool Matches(string? a, string? b, int maxEdits = 1)
    {
        var x = Fold(a);
        var y = Fold(b);
        if (x == y) return true;
        if (maxEdits <= 0 || Math.Abs(x.Length - y.Length) > maxEdits) return false;
        if (x.Length > 500 || y.Length > 500) return false;
        return EditDistance(x, y, maxEdits) <= maxEdits;
    }

    /// <summary>Levenshtein distance, stopping early once every path exceeds <paramref name="limit"/>.</summary>
    public static int EditDistance(string a, string b, int limit = int.MaxValue)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return rowMin;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// <c>text == text.ToUpperInvariant()</c> without building the upper-case copy: the same invariant
    /// casing (<see cref="MemoryExtensions.ToUpperInvariant"/>), chunk by chunk, stopping at the first
    /// chunk that changes; most lines have a lower-case letter among their first words. Invariant casing
    /// maps each code point alone, so chunks give the same answer as the whole (a surrogate pair is never split).
    /// </summary>
    public static bool IsUpperCase(string text)
    {
        // Invariant casing always maps a–z to A–Z: one of them settles it without casing anything.
        if (text.AsSpan().ContainsAnyInRange('a', 'z')) return false;
        Span<char> upper = stackalloc char[64];
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var n = Math.Min(rest.Length, upper.Length);
            if (n < rest.Length && char.IsHighSurrogate(rest[n - 1])) n--;
            rest[..n].ToUpperInvariant(upper);
            if (!upper[..n].SequenceEqual(rest[..n])) return false;
            rest = rest[n..];
        }
        return true;
    }

    /// <summary>White space as documents contain it: ASCII, no-break and the Unicode space separators, zero-width ones.</summary>
    public static bool IsSpace(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF';

    private static string ReplaceLoneSurrogates(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var bad = char.IsHighSurrogate(c)
                ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
            if (bad)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
            }
            else
            {
                sb?.Append(c);
            }
        }
        return sb?.ToString() ?? text;
    }
}
