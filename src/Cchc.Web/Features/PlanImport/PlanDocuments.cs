using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Cchc.Core.PlanImport;

namespace Cchc.Web.Features.PlanImport;

/// <summary>The text a document was read as (shown beside the preview) and what the importer made of it.</summary>
public sealed record PlanDocumentResult(string Kind, string Text, ImportedPlan Plan);

/// <summary>
/// Turns an uploaded plan document into the text the Core importer reads (docs/plan-import-notes.md,
/// ".docx and .pdf"): .txt/.md bytes are decoded by Core, .docx through OpenXml, .pdf through pdftotext.
/// Any bytes end in a result or a <see cref="PlanImportException"/> with a Vietnamese message: sizes,
/// zip entries and the time spent are bounded before anything is parsed.
/// </summary>
public static partial class PlanDocuments
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    /// <summary>A .docx whose parts inflate beyond this is refused (a zip bomb, or no plan).</summary>
    public const long MaxUnzippedBytes = 50 * 1024 * 1024;
    public const int MaxZipEntries = 10_000;
    public static readonly TimeSpan PdfTimeout = TimeSpan.FromSeconds(30);

    public const string TooLargeMessage = "Tệp quá lớn: tối đa 10 MB.";

    /// <summary>Reads <paramref name="bytes"/> named <paramref name="fileName"/> (the extension chooses the reader; the content must agree).</summary>
    /// <exception cref="PlanImportException">The file is unusable; the message says why in Vietnamese.</exception>
    public static async Task<PlanDocumentResult> ReadAsync(string? fileName, byte[] bytes, CancellationToken ct)
    {
        if (bytes.Length == 0) throw new PlanImportException("Tệp trống: không có nội dung để nhập.");
        if (bytes.Length > MaxUploadBytes) throw new PlanImportException(TooLargeMessage);
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var kind = ext switch
        {
            ".docx" => "docx",
            ".pdf" => "pdf",
            ".txt" or ".md" or ".markdown" or "" => Sniff(bytes),
            ".doc" => throw new PlanImportException("Tệp .doc (Word 97–2003) chưa được hỗ trợ: hãy mở bằng Word và lưu lại dạng .docx."),
            _ => throw new PlanImportException($"Định dạng “{ext}” không được hỗ trợ: hãy tải lên tệp .docx, .pdf, .txt hoặc .md."),
        };
        switch (kind)
        {
            case "docx":
                {
                    var text = WordText.Read(bytes);
                    return new PlanDocumentResult(kind, text, PlanImporter.Parse(text));
                }
            case "pdf":
                {
                    var text = await PdfTextAsync(bytes, ct);
                    return new PlanDocumentResult(kind, text, PlanImporter.Parse(text));
                }
            default:
                {
                    var decoded = PlanTextReader.Decode(bytes);
                    var plan = PlanImporter.Parse(decoded.Text);
                    if (decoded.Warnings.Count > 0) plan = plan with { Warnings = [.. decoded.Warnings, .. plan.Warnings] };
                    return new PlanDocumentResult("text", decoded.Text, plan);
                }
        }
    }

    /// <summary>A .txt that is really a .docx or .pdf is read as what it is; anything else is text (Core refuses binary).</summary>
    private static string Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\u0003\u0004"u8) ? "docx" : bytes.StartsWith("%PDF-"u8) ? "pdf" : "text";

    // ── PDF ────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// `pdftotext -layout` keeps table columns apart with runs of spaces; three spaces or more become a TAB,
    /// the cell separator the importer reads (a two-column letterhead then splits into its two sides).
    /// </summary>
    internal static async Task<string> PdfTextAsync(byte[] bytes, CancellationToken ct)
    {
        if (!bytes.AsSpan().StartsWith("%PDF-"u8))
            throw new PlanImportException("Tệp không phải PDF hợp lệ (thiếu phần đầu %PDF). Hãy kiểm tra lại tệp.");
        var dir = Directory.CreateTempSubdirectory("cchc-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "plan.pdf");
            await File.WriteAllBytesAsync(input, bytes, ct);
            var info = new ProcessStartInfo("pdftotext")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var a in new[] { "-layout", "-enc", "UTF-8", "-q", input, "-" }) info.ArgumentList.Add(a);
            Process process;
            try
            {
                process = Process.Start(info) ?? throw new Win32Exception();
            }
            catch (Win32Exception)
            {
                throw new PlanImportException("Máy chủ chưa cài công cụ đọc PDF (pdftotext, gói poppler-utils). Hãy báo quản trị hệ thống, hoặc tải lên tệp .docx.");
            }
            using (process)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(PdfTimeout);
                var output = ReadLimitedAsync(process.StandardOutput, PlanImporter.MaxChars, timeout.Token);
                var errors = process.StandardError.ReadToEndAsync(timeout.Token);
                try
                {
                    // Output first: a process blocked on a full pipe never exits, and too long an output stops here.
                    var text = await output;
                    await process.WaitForExitAsync(timeout.Token);
                    await errors;
                    if (process.ExitCode != 0)
                        throw new PlanImportException("Không đọc được tệp PDF (tệp hỏng hoặc được bảo vệ bằng mật khẩu).");
                    var lines = text.Replace("\f", "\n").Split('\n').Select(l => MultiSpace().Replace(l.Trim(), "\t"));
                    var joined = string.Join("\n", lines).Trim();
                    if (!joined.Any(char.IsLetter))
                        throw new PlanImportException("Tệp PDF không có lớp văn bản (có thể là bản quét): hãy tải lên tệp .docx hoặc PDF xuất từ Word.");
                    return joined;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    process.Kill(entireProcessTree: true);
                    throw new PlanImportException("Đọc tệp PDF quá lâu nên đã dừng. Hãy tải lên tệp .docx.");
                }
                catch (PdfOutputTooLong)
                {
                    process.Kill(entireProcessTree: true);
                    throw new PlanImportException($"Văn bản trong tệp PDF quá dài; giới hạn là {PlanImporter.MaxChars:N0} ký tự.");
                }
                finally
                {
                    if (!process.HasExited) process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed class PdfOutputTooLong : Exception;

    private static async Task<string> ReadLimitedAsync(StreamReader reader, int maxChars, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var buffer = new char[16 * 1024];
        int n;
        while ((n = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            if (sb.Length + n > maxChars) throw new PdfOutputTooLong();
            sb.Append(buffer, 0, n);
        }
        return sb.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(" {3,}")]
    private static partial System.Text.RegularExpressions.Regex MultiSpace();

    // ── DOCX container checks ──────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Inflates every entry through a counting stream before OpenXml sees the package: declared sizes in a
    /// zip can lie, so the count is of bytes actually produced, and it stops at the limit.
    /// </summary>
    internal static void CheckZip(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
            throw new PlanImportException("Tệp không phải tài liệu Word .docx hợp lệ. Hãy mở bằng Word và lưu lại dạng .docx.");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries)
                throw new PlanImportException("Tệp .docx có quá nhiều thành phần; không đọc được.");
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxUnzippedBytes) throw ZipTooLarge();
                using var s = entry.Open();
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > MaxUnzippedBytes) throw ZipTooLarge();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            throw new PlanImportException("Tệp .docx bị hỏng hoặc không phải tài liệu Word. Hãy mở bằng Word và lưu lại.");
        }
    }

    private static PlanImportException ZipTooLarge() =>
        new($"Tệp .docx giải nén ra quá lớn (trên {MaxUnzippedBytes / 1024 / 1024} MB); không đọc được.");
}
