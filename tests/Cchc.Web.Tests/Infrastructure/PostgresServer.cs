using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Cchc.Web.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for this test run, started from the installed binaries (initdb into a
/// temporary folder, a free port on 127.0.0.1, trust auth, fsync off) and removed when the run ends.
/// Every <see cref="PostgresApp"/> gets its own database on it.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<Server?>> Instance = new(StartAsync);
    private static string? _unavailableReason;

    /// <summary>In CI (CI=true) a missing server fails the tests; on a developer's machine they are skipped.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? UnavailableReason => _unavailableReason;

    public static async Task<string?> CreateDatabaseAsync()
    {
        var server = await Instance.Value;
        if (server is null)
        {
            if (Required) throw new InvalidOperationException("PostgreSQL is required in CI but could not be started: " + _unavailableReason);
            return null;
        }
        var name = "cchc_" + Guid.NewGuid().ToString("N")[..12];
        await using var conn = new NpgsqlConnection(server.ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", conn);
        await cmd.ExecuteNonQueryAsync();
        return server.ConnectionString(name);
    }

    private static async Task<Server?> StartAsync()
    {
        var bin = FindBinDir();
        if (bin is null)
        {
            _unavailableReason = "initdb/pg_ctl not found (apt-get install postgresql)";
            return null;
        }
        var root = Path.Combine(Path.GetTempPath(), "cchc-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", $"postgres {root}", asRoot: false);
        var data = Path.Combine(root, "data");
        var port = FreePort();
        try
        {
            await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U cchc --auth=trust -E UTF8 --locale=C.UTF-8", asRoot);
            await RunAsync(Path.Combine(bin, "pg_ctl"),
                $"-D {data} -o \"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" -l {root}/log.txt -w start",
                asRoot);
        }
        catch (Exception e)
        {
            _unavailableReason = e.Message;
            return null;
        }
        var server = new Server(bin, root, data, port, asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private static string? FindBinDir()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        if (Directory.Exists("/usr/lib/postgresql"))
            foreach (var dir in Directory.GetDirectories("/usr/lib/postgresql").OrderDescending())
                if (File.Exists(Path.Combine(dir, "bin", "initdb"))) return Path.Combine(dir, "bin");
        return null;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    // initdb refuses to run as root, so as root the server runs as the postgres user.
    private static async Task RunAsync(string file, string arguments, bool asRoot)
    {
        var psi = asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({p.ExitCode}): {await stderr}{await stdout}");
    }

    private sealed record Server(string Bin, string Root, string Data, int Port, bool AsRoot)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=cchc;Database={database};Pooling=true;Maximum Pool Size=20;Include Error Detail=true";

        public void Stop()
        {
            try
            {
                var psi = AsRoot
                    ? new ProcessStartInfo("runuser", $"-u postgres -- {Bin}/pg_ctl -D {Data} -m immediate -w stop")
                    : new ProcessStartInfo($"{Bin}/pg_ctl", $"-D {Data} -m immediate -w stop");
                psi.RedirectStandardOutput = true;
                psi.RedirectStandardError = true;
                using var p = Process.Start(psi);
                p?.WaitForExit(15_000);
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
