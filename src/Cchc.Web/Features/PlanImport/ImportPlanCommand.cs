using System.Globalization;
using Cchc.Core.PlanImport;

namespace Cchc.Web.Features.PlanImport;

/// <summary>`import-plan FILE [--json]`: reads a plan document without the database and prints the contract JSON or a summary.</summary>
public static class ImportPlanCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var json = args.Any(a => string.Equals(a, "--json", StringComparison.OrdinalIgnoreCase));
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count != 1)
        {
            errors.WriteLine("Cách dùng / usage: import-plan TỆP [--json]   (.docx, .pdf, .txt, .md)");
            return 2;
        }
        var path = Resolve(files[0]);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.WriteLine($"Không tìm thấy tệp: {path}");
                return 1;
            }
            if (info.Length > PlanDocuments.MaxUploadBytes) throw new PlanImportException(PlanDocuments.TooLargeMessage);
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var result = await PlanDocuments.ReadAsync(info.Name, bytes, ct);
            output.WriteLine(json ? PlanImportJson.Serialize(result.Plan) : Summary(result.Plan));
            return 0;
        }
        catch (PlanImportException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"Không đọc được tệp {path}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// `dotnet run --project src/Cchc.Web` runs in the project's folder, so a path relative to the caller's
    /// shell is looked up there too (PWD is the shell's folder).
    /// </summary>
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        return shell is { Length: > 0 } && File.Exists(Path.Combine(shell, path)) ? Path.Combine(shell, path) : path;
    }

    public static string Summary(ImportedPlan plan)
    {
        var d = plan.Document;
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var lines = new List<string>
        {
            $"Kế hoạch: {d.Title ?? "(không có tên)"}",
            $"Số: {d.Number ?? "(trống)"}; ngày ban hành: {d.IssuedOn?.ToString("dd/MM/yyyy", vi) ?? "(trống)"}; nơi ban hành: {d.Place ?? "(trống)"}",
            $"Giai đoạn: {d.PeriodFrom}{(d.PeriodTo != d.PeriodFrom ? $"–{d.PeriodTo}" : "")}",
            $"Căn cứ: {d.Bases.Count}; mục: {plan.Sections.Count}; chỉ tiêu: {plan.Targets.Count}; nhiệm vụ: {plan.Tasks.Count}; báo cáo định kỳ: {plan.Reports.Count}",
            $"Hạn ban hành kế hoạch của đơn vị cấp dưới: {plan.ChildPlanDue?.ToString("dd/MM/yyyy", vi) ?? "không nêu"}",
            $"Cảnh báo: {plan.Warnings.Count}",
        };
        lines.AddRange(plan.Warnings.Select(w => "  - " + w));
        return string.Join(Environment.NewLine, lines);
    }
}
