using System.Text;

namespace Cchc.Core.PlanImport;

/// <summary>Text decoded from a file's bytes, with what the decoder had to guess.</summary>
public sealed record DecodedText(string Text, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns the bytes of a .txt or .md plan into text. It never touches the file system: the caller reads
/// the upload and passes the bytes. .docx and .pdf are turned into text by the web layer (see
/// docs/plan-import-notes.md) and passed to <see cref="PlanImporter.Parse"/> directly.
/// </summary>
public static class PlanTextReader
{
    /// <summary>20 MB: far above any plan (the seeds are 16–56 kB), low enough to parse in seconds.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Decodes UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or detectable zero bytes); bytes that are
    /// not UTF-8 are read as Windows-1258 (the Vietnamese ANSI code page) with a warning. Then looks for
    /// text typed with the legacy TCVN3 (ABC) or VNI fonts and converts it with a warning (<see cref="LegacyEncoding"/>).
    /// </summary>
    /// <exception cref="PlanImportException">Empty, over <see cref="MaxBytes"/>, or binary.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) throw new PlanImportException("Tệp rỗng: không có nội dung để nhập.");
        if (bytes.Length > MaxBytes)
            throw new PlanImportException($"Tệp quá lớn ({bytes.Length / 1024 / 1024} MB); giới hạn là {MaxBytes / 1024 / 1024} MB.");

        var warnings = new List<string>();
        string text;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            text = Utf8Lenient(bytes[3..], warnings);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            text = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes);
            warnings.Add("Tệp không có BOM nhưng có dạng UTF-16; đã đọc theo UTF-16.");
        }
        else
        {
            text = Utf8OrAnsi(bytes, warnings);
        }

        if (LooksBinary(text))
            throw new PlanImportException("Tệp không phải văn bản (có vẻ là tệp nhị phân). Hãy tải lên tệp .txt, .md hoặc .docx.");

        text = LegacyEncoding.Repair(text, warnings);
        return new DecodedText(text, warnings);
    }

    private static string Utf8Lenient(ReadOnlySpan<byte> bytes, List<string> warnings)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            warnings.Add("Tệp có byte không hợp lệ theo UTF-8; các ký tự lỗi được thay bằng '\uFFFD'.");
            return new UTF8Encoding(false, false).GetString(bytes);
        }
    }

    private static string Utf8OrAnsi(ReadOnlySpan<byte> bytes, List<string> warnings)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // TCVN3 files are single-byte: read them byte for byte, LegacyEncoding maps them to letters.
            var latin = Encoding.Latin1.GetString(bytes);
            if (LegacyEncoding.LooksLikeTcvn3(latin) || LegacyEncoding.LooksLikeVni(latin)) return latin;
            // Windows-1258 is the ANSI code page Vietnamese Windows saves plain text in.
            var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1258);
            if (ansi is null)
            {
                warnings.Add("Tệp không phải UTF-8; các ký tự lỗi được thay bằng '\uFFFD'.");
                return new UTF8Encoding(false, false).GetString(bytes);
            }
            warnings.Add("Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258. Hãy kiểm tra dấu tiếng Việt.");
            return ansi.GetString(bytes);
        }
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var n = Math.Min(bytes.Length - bytes.Length % 2, 4096);
        if (n < 8) return false;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) zeroEven++;
            if (bytes[i + 1] == 0) zeroOdd++;
        }
        var pairs = n / 2;
        if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return true;
        if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }

    private static bool LooksBinary(string text)
    {
        var n = Math.Min(text.Length, 8192);
        if (n == 0) return false;
        var control = 0;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            if (c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))) control++;
        }
        return control > n / 20;
    }
}
