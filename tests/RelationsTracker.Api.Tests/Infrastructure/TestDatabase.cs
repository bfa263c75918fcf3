using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL for the integration tests, found or made in this order:
/// 1. <c>TRACKER_TEST_CONNECTION</c> or <c>ConnectionStrings__Marten</c> from the environment (used as is);
/// 2. a Testcontainers PostgreSQL when a Docker engine answers;
/// 3. a throwaway cluster from the machine's PostgreSQL server binaries, deleted afterwards;
/// 4. otherwise one message saying what to install.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ThrowawayRoot = "/tmp/relations-tracker-tests";

    private readonly Func<ValueTask> _dispose;
    private int _disposed;

    public string ConnectionString { get; }
    public string Description { get; }

    private TestDatabase(string connectionString, string description, Func<ValueTask> dispose) =>
        (ConnectionString, Description, _dispose) = (connectionString, description, dispose);

    public static async Task<TestDatabase> StartAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TRACKER_TEST_CONNECTION")
                              ?? Environment.GetEnvironmentVariable("ConnectionStrings__Marten");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return new TestDatabase(fromEnvironment, "from the environment", () => ValueTask.CompletedTask);

        var reasons = new List<string>();
        try
        {
            return await StartContainerAsync();
        }
        catch (Exception e)
        {
            reasons.Add($"Docker: {e.GetType().Name}: {FirstLine(e.Message)}");
        }

        try
        {
            return await LocalCluster.StartAsync();
        }
        catch (Exception e)
        {
            reasons.Add($"local PostgreSQL binaries: {FirstLine(e.Message)}");
        }

        throw new InvalidOperationException(
            "The integration tests need PostgreSQL (14 or later). Either set TRACKER_TEST_CONNECTION to a database they may use, " +
            "or start Docker (they use Testcontainers), or install the PostgreSQL server (Debian/Ubuntu: sudo apt-get install postgresql; " +
            "./test.sh does this when run as root). Tried: " + string.Join("; ", reasons));
    }

    private static async Task<TestDatabase> StartContainerAsync()
    {
        // Without a Docker engine this throws within about a second.
        var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await container.StartAsync(timeout.Token);
        return new TestDatabase(container.GetConnectionString(), "Testcontainers postgres:15-alpine", () => container.DisposeAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) await _dispose();
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>A cluster of its own in a temporary directory, on a free port, stopped and deleted on dispose.</summary>
    private static class LocalCluster
    {
        public static async Task<TestDatabase> StartAsync()
        {
            var bin = FindBinaries() ?? throw new InvalidOperationException(
                "no initdb/pg_ctl under /usr/lib/postgresql/*/bin or from pg_config");
            var asRoot = Environment.UserName == "root";

            Directory.CreateDirectory(ThrowawayRoot);
            var dir = Path.Combine(ThrowawayRoot, Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            if (asRoot)
            {
                // Everything under the throwaway root belongs to postgres, which runs the server.
                await RunAsync("chmod", ["1777", ThrowawayRoot], asRoot: false);
                await RunAsync("chown", ["postgres:postgres", dir], asRoot: false);
            }

            var port = FreePort();
            var data = Path.Combine(dir, "data");
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], asRoot);
            var stop = async () =>
            {
                try { await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot); }
                catch { /* already stopped */ }
                try { Directory.Delete(dir, recursive: true); }
                catch { /* best effort: test.sh sweeps the root too */ }
            };
            // Durability is not what a throwaway test database is for.
            var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {dir} -c max_connections=200 " +
                          "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"], asRoot);
            }
            catch
            {
                await stop();
                throw;
            }

            var database = new TestDatabase(
                $"Host=127.0.0.1;Port={port};Database=relations_tracker_tests;Username=postgres;Maximum Pool Size=100",
                $"a throwaway PostgreSQL in {dir} on port {port}",
                async () => await stop());
            // If the run ends without disposing (a crash, Ctrl+C), still take the server down.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

            await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres"))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("create database relations_tracker_tests", connection);
                await create.ExecuteNonQueryAsync();
            }
            return database;
        }

        private static string? FindBinaries()
        {
            var candidates = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => Path.Combine(d, "bin"))
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                : Enumerable.Empty<string>();
            return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>Runs a program (as postgres when we are root: the server refuses root) and fails with its output.</summary>
        private static async Task RunAsync(string program, string[] arguments, bool asRoot)
        {
            var start = asRoot
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
                : new ProcessStartInfo(program, arguments);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.WorkingDirectory = "/tmp";
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            output.Append(await stdout).Append(await stderr);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {output.ToString().Trim()}");
        }
    }
}
