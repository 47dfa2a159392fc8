using Cchc.Web.Data;

namespace Cchc.Web;

/// <summary>
/// The same executable takes verbs (architecture.md, "Command line"): `serve` (default), `migrate`, …
/// Each verb runs against the configured database and exits with 0 on success.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["serve", "migrate", "seed-demo"];

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
            default:
                Console.Error.WriteLine($"Lệnh không hợp lệ: {verb}");
                return 2;
        }
    }
}
