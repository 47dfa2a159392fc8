using System.Text;

namespace Cchc.Core.PlanImport;

/// <summary>
/// Text typed with the pre-Unicode Vietnamese fonts arrives as mojibake (domain.md): TCVN3 (ABC,
/// ".VnTime") stores "Giáo dục" as "Gi¸o dôc"; VNI stores "Việt" as "Vieät". Both are converted, with a
/// warning asking the user to check: TCVN3's capitals with tone marks lived in a separate font and come
/// out lower case; VNI writes a letter as base + mark ("aù" = á), converted pair by pair.
/// </summary>
public static class LegacyEncoding
{
    // TCVN 5712:1993 (VN3) code points 0xA1–0xFE and the letters they stand for.
    private const string TcvnFrom =
        "\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE" +
        "\u00B5\u00B6\u00B7\u00B8\u00B9\u00BB\u00BC\u00BD\u00BE\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB" +
        "\u00CC\u00CE\u00CF\u00D0\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D7\u00D8\u00DC\u00DD\u00DE" +
        "\u00DF\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE" +
        "\u00EF\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u00FE";

    private const string TcvnTo =
        "ĂÂÊÔƠƯĐăâêôơưđ" +
        "àảãáạằẳẵắặầẩẫấậ" +
        "èẻẽéẹềểễếệìỉĩíị" +
        "òỏõóọồổỗốộờởỡớợ" +
        "ùủũúụừửữứựỳỷỹýỵ";

    // Characters TCVN3 text is full of and NFC Vietnamese never contains.
    private const string TcvnSignature = "µ¸¶·¹¨©ª«¬®ÆÇËÐÖ×Þßäåæçëîïñö÷øûüþ»¾¼½ÎÏÑØÜ";

    // The a-tones, base vowels and đ of TCVN3: in every TCVN3 text, never used by VNI.
    private const string TcvnStrong = "¸µ¶·¹¨©ª«¬®§";

    private static readonly Dictionary<char, char> TcvnMap = BuildMap();

    // VNI Windows: a vowel followed by a mark character; ơ and ư are "ô" and "ö" and take marks too.
    private static readonly Dictionary<(char Base, char Mark), char> VniPairs = BuildVniPairs();

    private static readonly Dictionary<char, char> VniSingles = new()
    {
        ['ñ'] = 'đ', ['Ñ'] = 'Đ', ['ô'] = 'ơ', ['Ô'] = 'Ơ', ['ö'] = 'ư', ['Ö'] = 'Ư',
        ['æ'] = 'ỉ', ['Æ'] = 'Ỉ', ['ó'] = 'ĩ', ['Ó'] = 'Ĩ', ['ò'] = 'ị', ['Ò'] = 'Ị', ['î'] = 'ỵ', ['Î'] = 'Ỵ',
    };

    private static Dictionary<(char, char), char> BuildVniPairs()
    {
        var d = new Dictionary<(char, char), char>();
        void Add(char b, string marks, string results)
        {
            for (var i = 0; i < marks.Length; i++)
            {
                d[(b, marks[i])] = results[i];
                d[(char.ToUpperInvariant(b), char.ToUpperInvariant(marks[i]))] = char.ToUpperInvariant(results[i]);
            }
        }
        Add('a', "øùûõïêèéúüëâàáåãä", "àáảãạăằắẳẵặâầấẩẫậ");
        Add('e', "øùûõïâàáåãä", "èéẻẽẹêềếểễệ");
        Add('o', "øùûõïâàáåãä", "òóỏõọôồốổỗộ");
        Add('ô', "øùûõï", "ờớởỡợ");
        Add('u', "øùûõï", "ùúủũụ");
        Add('ö', "øùûõï", "ừứửữự");
        Add('y', "øùûõï", "ỳýỷỹỵ");
        return d;
    }

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < TcvnFrom.Length; i++) map[TcvnFrom[i]] = TcvnTo[i];
        return map;
    }

    /// <summary>True when the text is full of characters TCVN3 uses for Vietnamese letters and has few real ones.</summary>
    public static bool LooksLikeTcvn3(string text) => LooksLikeTcvn3(Count(text));

    private static bool LooksLikeTcvn3(Counts counts) =>
        counts.Signature >= 20 && counts.Strong >= 5 && counts.Signature * 33 > counts.Letters && counts.Signature > counts.Vietnamese * 2;

    /// <summary>True when vowel + VNI mark pairs ("aù", "eä") are frequent and real Vietnamese letters rare.</summary>
    public static bool LooksLikeVni(string text) => LooksLikeVni(Count(text));

    private static bool LooksLikeVni(Counts counts) =>
        counts.VniMarks >= 20 && counts.Strong < 5 && counts.VniMarks * 25 > counts.Letters && counts.VniMarks > counts.Vietnamese * 2;

    /// <summary>Converts TCVN3 or VNI text to Unicode (with a warning); Unicode text is returned unchanged.</summary>
    public static string Repair(string text, List<string> warnings)
    {
        var counts = Count(text);
        if (LooksLikeTcvn3(counts))
        {
            warnings.Add("Văn bản có vẻ gõ bằng phông TCVN3 (ABC, .VnTime); đã chuyển sang Unicode. Hãy kiểm tra chữ hoa có dấu.");
            return FromTcvn3(text);
        }
        if (LooksLikeVni(counts))
        {
            warnings.Add("Văn bản có vẻ gõ bằng phông VNI; đã chuyển sang Unicode. Hãy kiểm tra dấu tiếng Việt.");
            return FromVni(text);
        }
        return text;
    }

    /// <summary>VNI base + mark pairs read as Latin-1 back to NFC Vietnamese.</summary>
    public static string FromVni(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i + 1 < text.Length && VniPairs.TryGetValue((c, text[i + 1]), out var pair))
            {
                sb.Append(pair);
                i++;
            }
            else
            {
                sb.Append(VniSingles.TryGetValue(c, out var single) ? single : c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>TCVN3 characters read as Latin-1 back to NFC Vietnamese.</summary>
    public static string FromTcvn3(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(TcvnMap.TryGetValue(c, out var u) ? u : c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private readonly record struct Counts(int Signature, int Vietnamese, int VniMarks, int Letters, int Strong);

    private static Counts Count(string text)
    {
        int signature = 0, vietnamese = 0, vni = 0, letters = 0, strong = 0;
        var n = Math.Min(text.Length, 200_000);
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            if (char.IsLetter(c)) letters++;
            // Every TCVN3 character and VNI mark is in U+00A0–U+00FF: plain ASCII needs none of the lookups.
            if (c < '\u00A0') continue;
            if (TcvnSignature.Contains(c)) signature++;
            if (TcvnStrong.Contains(c)) strong++;
            if (c is >= '\u0102' and <= '\u01B0' or >= '\u1EA0' and <= '\u1EF9') vietnamese++;
            // VNI writes the tone after the vowel as a Latin-1 letter: "aø", "eá", "oä"; "ñ" is đ.
            if (c is 'ñ' or 'Ñ' || (i > 0 && VniPairs.ContainsKey((text[i - 1], c)))) vni++;
        }
        return new Counts(signature, vietnamese, vni, letters, strong);
    }
}
