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
    private static readonly string[] Verbs = ["serve", "migrate", "seed-demo", "generate-dossiers", "create-api-key", "import-plan", "reconcile-rollups"];

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
                await Features.Calendar.CalendarSeed.EnsureAsync(app.Services, CancellationToken.None);
                var seeded = await Features.Demo.DemoData.SeedAsync(app.Services);
                Console.WriteLine(seeded
                    ? "Đã nạp dữ liệu mẫu (xem README.md, mục Tài khoản demo). / Demo data seeded."
                    : "Dữ liệu mẫu đã có sẵn; không tạo thêm. / Demo data already present.");
                return 0;
            case "generate-dossiers":
                Console.OutputEncoding = System.Text.Encoding.UTF8;
                return await GenerateDossiersAsync(app.Services, app.Environment, args, Console.Out, Console.Error, CancellationToken.None);
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

    private const string GenerateUsage =
        "Cách dùng / usage: generate-dossiers --from YYYY-MM-DD --to YYYY-MM-DD --count N [--seed S]";

    /// <summary>
    /// `generate-dossiers --from --to --count [--seed]`: generated demo dossiers over the demo units, for the demo and
    /// for benchmarks (docs/dossiers.md, "Generated demo year"). Refused in Production like `seed-demo`; creates the
    /// demo tree and catalogue first when missing; prints the rows written per second.
    /// </summary>
    public static async Task<int> GenerateDossiersAsync(IServiceProvider services, IHostEnvironment environment, string[] args,
        TextWriter output, TextWriter errors, CancellationToken ct)
    {
        if (environment.IsProduction())
        {
            errors.WriteLine("Không tạo hồ sơ mẫu trong môi trường Production. / Demo dossiers are never generated in Production.");
            return 3;
        }
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = Core.Calendar.VietnamTime.LocalDate(now);
        if (!DateOnly.TryParseExact(Option(args, "--from") ?? "", "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(Option(args, "--to") ?? "", "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var to)
            || !int.TryParse(Option(args, "--count"), System.Globalization.NumberStyles.None, inv, out var count) || count < 1)
        {
            errors.WriteLine(GenerateUsage);
            return 2;
        }
        int seed = Features.Demo.GeneratedDossiers.DefaultSeed;
        if (Option(args, "--seed") is { } s && !int.TryParse(s, System.Globalization.NumberStyles.Integer, inv, out seed))
        {
            errors.WriteLine(GenerateUsage);
            return 2;
        }
        if (from > to || to > today)
        {
            errors.WriteLine($"Khoảng thời gian không hợp lệ: --from phải trước --to, và --to không sau hôm nay ({today:yyyy-MM-dd}). / Invalid period.");
            return 2;
        }

        await DataSetup.MigrateAsync(services, ct);
        await FirstStart.RunAsync(services, ct);
        await Features.Calendar.CalendarSeed.EnsureAsync(services, ct);
        await using (var scope = services.CreateAsyncScope())
            await Features.Demo.DemoData.EnsureTreeAsync(scope.ServiceProvider, ct);

        var result = await Features.Demo.GeneratedDossiers.RunAsync(services,
            new Features.Demo.DossierYearSettings(from, to, count, seed, now), ct);
        var rows = string.Join(", ", result.Insert.RowsByTable.Select(t => $"{t.Key} {t.Value.ToString("N0", inv)}"));
        output.WriteLine($"Đã tạo {result.Dossiers.ToString("N0", inv)} hồ sơ mẫu ({rows}) trong {result.Insert.Elapsed.TotalSeconds.ToString("0.0", inv)} s: "
            + $"{result.DossiersPerSecond.ToString("N0", inv)} hồ sơ/s, {result.RowsPerSecond.ToString("N0", inv)} dòng/s.");
        output.WriteLine($"Generated {result.Dossiers} demo dossiers, {result.Insert.Rows} rows: "
            + $"{result.DossiersPerSecond.ToString("0", inv)} dossiers/s, {result.RowsPerSecond.ToString("0", inv)} rows/s.");
        if (result.Unnumbered > 0)
            output.WriteLine($"Bỏ qua {result.Unnumbered.ToString("N0", inv)} hồ sơ: trước 01/07/2025 mã hồ sơ chỉ có 4 chữ số (tối đa 9 999 hồ sơ một đơn vị một ngày). "
                + "/ Skipped: before 01/07/2025 a unit numbers at most 9,999 dossiers a day.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
