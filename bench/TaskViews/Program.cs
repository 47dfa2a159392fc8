// Issue 3 benchmark (docs/benchmarks.md, "Task views"): one plan of 500 tasks led by 100 units, on SQLite;
// times the task list page, the completion page and the tasks API over HTTP against the real app, served
// by Kestrel on a loopback port inside this process. Usage: bench/run.sh tasks  (RUNS=50 for more runs).
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

internal static class TaskViewsBench
{
    public static async Task Main()
    {
        // The factory looks for the app's content root (static files, Razor) under this variable; run.sh runs from the repository root.
        if (Environment.GetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CCHC_WEB") is null)
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CCHC_WEB", Path.GetFullPath("src/Cchc.Web"));
        var runs = int.TryParse(Environment.GetEnvironmentVariable("RUNS"), out var r) ? r : 30;
        var file = Path.Combine(Path.GetTempPath(), $"cchc-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = new BenchApp(file);
            app.UseKestrel(0);
            app.StartServer();
            var (userId, planId, tasks, units) = await Seed.RunAsync(app.Services);
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Add(BenchAuth.Header, userId.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine($"Data: {units} units, 1 plan, {tasks} tasks; {runs} timed runs after 5 warm-up requests; base {client.BaseAddress}");
            Console.WriteLine("| Request | Median ms | p90 ms | Min ms | Bytes |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var url in new[] { $"/Tasks?plan={planId}", $"/Tasks/Completion?plan={planId}", $"/api/v1/tasks?view=mine&plan={planId}", $"/Tasks/Calendar?plan={planId}&month=2026-06" })
            {
                long bytes = 0;
                for (var i = 0; i < 5; i++)
                {
                    using var warm = await client.GetAsync(url);
                    warm.EnsureSuccessStatusCode();
                    bytes = (await warm.Content.ReadAsByteArrayAsync()).Length;
                }
                var times = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var sw = Stopwatch.StartNew();
                    using var response = await client.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    sw.Stop();
                    response.EnsureSuccessStatusCode();
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
                Console.WriteLine(FormattableString.Invariant($"| GET {url.Replace($"plan={planId}", "plan={plan}", StringComparison.Ordinal)} | {At(0.5):0.0} | {At(0.9):0.0} | {times[0]:0.0} | {bytes} |"));
            }
        }
        finally
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
    }
}

internal sealed class BenchApp(string file) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", DataSetup.Sqlite);
        builder.UseSetting("ConnectionStrings:Cchc", $"Data Source={file};Foreign Keys=True");
        builder.UseSetting("Demo:Enabled", "false");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, BenchAuth>(BenchAuth.Header, null);
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = BenchAuth.Header);
        });
    }
}

/// <summary>Signs every request in as the user in the header, with the product's own claims (no cookie round trip to time).</summary>
internal sealed class BenchAuth(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> claims) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Bench-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return AuthenticateResult.NoResult();
        var user = await users.FindByIdAsync(value.ToString());
        return user is null ? AuthenticateResult.Fail("unknown user") : AuthenticateResult.Success(new AuthenticationTicket(await claims.CreateAsync(user), Header));
    }
}

internal static class Seed
{
    /// <summary>A department with 9 district offices of 10 schools each (100 units) and a 2026 plan of 500 tasks led round-robin.</summary>
    public static async Task<(int UserId, int PlanId, int Tasks, int Units)> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDb>();
        var dept = await AddUnitAsync(db, null, "BENCH-SO", "Sở GDĐT (thử tải)", UnitType.Department);
        var all = new List<Unit> { dept };
        for (var d = 1; d <= 9; d++)
        {
            var district = await AddUnitAsync(db, dept, $"BENCH-P{d}", $"Phòng GDĐT huyện {d}", UnitType.DistrictOffice);
            all.Add(district);
            for (var s = 1; s <= 10; s++)
                all.Add(await AddUnitAsync(db, district, $"BENCH-P{d}-T{s}", $"Trường Tiểu học số {s} huyện {d}", UnitType.PrimarySchool));
        }
        var plan = new Plan(dept.Id, "Kế hoạch cải cách hành chính năm 2026 (thử tải)", 2026, 2026);
        var areas = ReformAreaNames.Codes;
        var today = new DateOnly(2026, 3, 2);
        for (var i = 0; i < 500; i++)
        {
            var due = new DateOnly(2026, 1, 15).AddDays(i * 7 % 340);
            var task = plan.AddTask(new PlanTask((i + 1).ToString(CultureInfo.InvariantCulture),
                $"Nhiệm vụ số {i + 1}: rà soát, đơn giản hóa thủ tục hành chính và cập nhật kết quả thực hiện trên hệ thống",
                areas[i % areas.Count], [new Deadline(due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), null, due)]));
            task.Assign(all[i % all.Count].Id, [all[(i + 1) % all.Count].Id]);
            if (i % 3 == 0) task.Complete(due.AddDays(i % 2 == 0 ? -2 : 3) < today ? due.AddDays(i % 2 == 0 ? -2 : 3) : today);
            else if (i % 3 == 1) task.ReportProgress(50);
        }
        plan.Issue("01/KH-SGDĐT", new DateOnly(2026, 1, 5));
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "bench.leader", FullName = "Lãnh đạo Sở (thử tải)", UnitId = dept.Id };
        var created = await users.CreateAsync(user, "Mat-khau-thu-tai-123");
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Leader);
        return (user.Id, plan.Id, plan.Tasks.Count, all.Count);
    }

    private static async Task<Unit> AddUnitAsync(CchcDb db, Unit? parent, string code, string name, UnitType type)
    {
        var unit = new Unit(code, name, type, new DateOnly(2019, 1, 1));
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        unit.PlaceUnder(parent);
        await db.SaveChangesAsync();
        return unit;
    }
}
