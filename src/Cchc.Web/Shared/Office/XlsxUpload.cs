namespace Cchc.Web.Shared.Office;

/// <summary>The checks every spreadsheet upload form makes before reading the file, with the same Vietnamese words.</summary>
public static class XlsxUpload
{
    /// <summary>What is wrong with the uploaded file, or null when it may be read.</summary>
    public static string? Problem(IFormFile? file, long maxBytes)
    {
        if (file is null || file.Length == 0) return "Vui lòng chọn tệp Excel (.xlsx).";
        if (file.Length > maxBytes) return $"Tệp quá lớn: tối đa {maxBytes / (1024 * 1024)} MB.";
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return "Chỉ nhận tệp Excel định dạng .xlsx.";
        return null;
    }
}
