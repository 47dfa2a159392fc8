using System.Text.RegularExpressions;
using Cchc.Core.Plans;
using Cchc.Core.Text;

namespace Cchc.Core.PlanImport;

/// <summary>
/// Reads the text of a plan document into the structure of plan-import.md. Pure: the caller decodes
/// the file (<see cref="PlanTextReader"/> for .txt/.md, the web layer for .docx/.pdf) and passes text.
/// Never throws for a document it can read at all; what it cannot place is listed in the warnings.
/// </summary>
public static class PlanImporter
{
    /// <summary>20 million characters: a hundred times the longest seed.</summary>
    public const int MaxChars = 20_000_000;

    /// <summary>Reads a plan from its text.</summary>
    /// <exception cref="PlanImportException">The text is empty, too long, or has no words at all.</exception>
    public static ImportedPlan Parse(string? text, PlanImportOptions? options = null) =>
        Parse(text, options, []);

    /// <summary>Decodes the bytes of a .txt or .md file and reads the plan; decoding warnings come first.</summary>
    /// <exception cref="PlanImportException">The bytes are not usable text (see <see cref="PlanTextReader.Decode"/>).</exception>
    public static ImportedPlan Parse(ReadOnlySpan<byte> bytes, PlanImportOptions? options = null)
    {
        var decoded = PlanTextReader.Decode(bytes);
        return Parse(decoded.Text, options, decoded.Warnings);
    }

    private static ImportedPlan Parse(string? text, PlanImportOptions? options, IReadOnlyList<string> earlierWarnings)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new PlanImportException("Văn bản trống: không có nội dung để nhập.");
        if (text.Length > MaxChars)
            throw new PlanImportException($"Văn bản quá dài ({text.Length:N0} ký tự); giới hạn là {MaxChars:N0} ký tự.");
        if (!text.Any(char.IsLetter)) throw new PlanImportException("Văn bản không có chữ nào: không phải một kế hoạch.");
        try
        {
            return new PlanReader(text, options ?? new PlanImportOptions(), earlierWarnings).Read();
        }
        catch (RegexMatchTimeoutException)
        {
            throw new PlanImportException("Văn bản có cấu trúc quá bất thường để đọc tự động. Hãy kiểm tra tệp hoặc nhập kế hoạch bằng tay.");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException
            or FormatException or OverflowException or NullReferenceException or KeyNotFoundException)
        {
            // The contract is "a result or a PlanImportException"; the inner exception keeps the bug visible.
            throw new PlanImportException("Không đọc được văn bản này do lỗi của trình nhập. Hãy gửi tệp cho quản trị hệ thống.", e);
        }
    }
}
