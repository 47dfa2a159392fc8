using Cchc.Core.Common;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;

namespace Cchc.Web;

/// <summary>
/// The same executable takes verbs (architecture.md, "Command line"): `serve` (default), `migrate`, …
/// Each verb runs against the configured database and exits with 0 on success.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["serve", "migrate", "seed-demo", "create-api-key", "import-plan", "reconcile-rollups"];

    public static (string? Verb, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || !Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase))
            return (null, args);
        var verb = args[0].ToLowerInvariant();
        return (verb == "serve" ? null : verb, args[1..]);
    }

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        switch (verb)
        {
            case "migrate":
                await DataSetup.MigrateAsync(app.Services);
                Console.WriteLine("Đã cập nhật cấu trúc cơ sở dữ liệu. / Database schema is up to date.");
                return 0;
            case "seed-demo":
                // Refused in Production: demo accounts share a published password.
                if (app.Environment.IsProduction())
                {
                    Console.Error.WriteLine("Không nạp dữ liệu mẫu trong môi trường Production. / Demo data is never seeded in Production.");
                    return 3;
                }
                await DataSetup.MigrateAsync(app.Services);
                await FirstStart.RunAsync(app.Services);
                var seeded = await Features.Demo.DemoData.SeedAsync(app.Services);
                Console.WriteLine(seeded
                    ? "Đã nạp dữ liệu mẫu (xem README.md, mục Tài khoản demo). / Demo data seeded."
                    : "Dữ liệu mẫu đã có sẵn; không tạo thêm. / Demo data already present.");
                return 0;
            case "import-plan":
                // Reads a file only: no database, no migration (plan-import-notes.md, "Command line").
                Console.OutputEncoding = System.Text.Encoding.UTF8;
                return await Features.PlanImport.ImportPlanCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
            case "reconcile-rollups":
                await DataSetup.MigrateAsync(app.Services);
                return await ReconcileRollupsAsync(app.Services, args.Contains("--fix", StringComparer.OrdinalIgnoreCase), Console.Out, CancellationToken.None);
            case "create-api-key":
                await DataSetup.MigrateAsync(app.Services);
                return await CreateApiKeyAsync(app.Services, args, Console.Out, Console.Error);
            default:
                Console.Error.WriteLine($"Lệnh không hợp lệ: {verb}");
                return 2;
        }
    }

    /// <summary>`create-api-key --unit CODE --role ROLE [--name NAME]`: prints the key once; only its hash is stored.</summary>
    public static async Task<int> CreateApiKeyAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var unit = Option(args, "--unit");
        var role = Option(args, "--role");
        if (unit is null || role is null)
        {
            errors.WriteLine("Cách dùng / usage: create-api-key --unit MÃ_ĐƠN_VỊ --role VAI_TRÒ [--name TÊN]");
            errors.WriteLine("Vai trò / roles: " + string.Join(", ", Cchc.Core.Access.RoleGrants.ApiKeyRoles));
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        try
        {
            var issued = await scope.ServiceProvider.GetRequiredService<IssueApiKey>().HandleAsync(unit, role, Option(args, "--name"), issuer: null, CancellationToken.None);
            output.WriteLine($"Khóa API “{issued.Key.Name}” (chỉ hiện một lần / shown once):");
            output.WriteLine(issued.Secret);
            return 0;
        }
        catch (RuleViolation e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// `reconcile-rollups [--fix]`: recomputes the dossier roll-ups from the dossiers and compares them with the
    /// tables; exit 0 when they match exactly, 1 otherwise. With --fix it rebuilds them first, then compares.
    /// </summary>
    public static async Task<int> ReconcileRollupsAsync(IServiceProvider services, bool fix, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<Features.Indicators.Rollups.DossierRollupStore>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (fix)
        {
            await store.RebuildAsync(ct);
            output.WriteLine($"Đã dựng lại bảng tổng hợp hồ sơ ({watch.Elapsed.TotalSeconds:0.0} s). / Roll-ups rebuilt.");
        }
        var result = await store.ReconcileAsync(ct);
        output.WriteLine($"Hồ sơ / dossiers: {result.Dossiers}; dòng theo ngày / day rows: {result.DayRows}; dòng theo tháng / month rows: {result.MonthRows}; " +
            $"chưa gộp / pending deltas: {result.PendingDeltas}; dấu tổng hợp lỗi thời / stale stamps: {result.StaleStamps}; {watch.Elapsed.TotalSeconds:0.0} s");
        foreach (var m in result.Mismatches.Take(20))
            output.WriteLine($"  {m.Table} đơn vị {m.UnitId} thủ tục {m.ProcedureId} {m.Bucket:dd/MM/yyyy}: cần / expected [{m.Expected}] — có / actual [{m.Actual}]");
        if (result.Mismatches.Count > 20) output.WriteLine($"  … và {result.Mismatches.Count - 20} dòng khác / more");
        output.WriteLine(result.Matches
            ? "Khớp hoàn toàn với dữ liệu hồ sơ. / The roll-ups match the dossiers exactly."
            : $"KHÔNG khớp: {result.Mismatches.Count} dòng khác biệt (chạy lại với --fix để dựng lại). / Mismatch.");
        return result.Matches ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
