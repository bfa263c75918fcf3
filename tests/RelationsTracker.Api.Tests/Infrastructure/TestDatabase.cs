using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Npgsql;
using Testcontainers.PostgreSql;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL for the integration tests, found or made in this order:
/// <list type="number">
/// <item><c>TRACKER_TEST_CONNECTION</c> or <c>ConnectionStrings__Marten</c> from the environment, used as is
/// (nothing is created or dropped);</item>
/// <item>a Testcontainers PostgreSQL when a Docker engine answers;</item>
/// <item>a throwaway cluster from the machine's PostgreSQL server binaries under <see cref="ThrowawayRoot"/>,
/// stopped and deleted on dispose;</item>
/// <item>otherwise an <see cref="InvalidOperationException"/> saying what to set, start or install, and why
/// each option failed.</item>
/// </list>
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>
    /// Where throwaway clusters live, one folder each. <c>test.sh</c> sweeps it after a run for clusters whose
    /// test process died before disposing them (it reads the <see cref="OwnerFileName"/> in each folder).
    /// </summary>
    public const string ThrowawayRoot = "/tmp/relations-tracker-tests";

    /// <summary>The file in a throwaway cluster's folder holding the id of the process that owns it.</summary>
    public const string OwnerFileName = "owner.pid";

    private const string DatabaseName = "relations_tracker_tests";
    private const string Image = "postgres:15-alpine";

    // Building a Testcontainers container pings the Docker endpoint synchronously. With no engine that fails in
    // a fraction of a second, but an endpoint that accepts connections and never answers (a daemon still
    // starting, a stale socket proxy) blocks it indefinitely, so the probe gets a deadline of its own.
    private static readonly TimeSpan DockerProbeTimeout = TimeSpan.FromSeconds(10);

    // Pulling the image on a first run can take a while; past this, fall back rather than hang the run.
    private static readonly TimeSpan ContainerStartTimeout = TimeSpan.FromMinutes(5);

    private readonly Func<ValueTask> _dispose;
    private int _disposed;

    /// <summary>An Npgsql connection string to the tests' database.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the database is, for messages: e.g. "a throwaway PostgreSQL in /tmp/... on port 41234".</summary>
    public string Description { get; }

    private TestDatabase(string connectionString, string description, Func<ValueTask> dispose) =>
        (ConnectionString, Description, _dispose) = (connectionString, description, dispose);

    public static async Task<TestDatabase> StartAsync()
    {
        foreach (var variable in new[] { "TRACKER_TEST_CONNECTION", "ConnectionStrings__Marten" })
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value))
                return new TestDatabase(value, DescribeGiven(value, variable), () => ValueTask.CompletedTask);
        }

        var failures = new List<string>();
        try
        {
            return await StartContainerAsync();
        }
        catch (Exception e)
        {
            failures.Add($"Docker: {FirstLine(e)}");
        }

        try
        {
            return await LocalCluster.StartAsync();
        }
        catch (Exception e)
        {
            failures.Add($"local PostgreSQL server binaries: {FirstLine(e)}");
        }

        throw new InvalidOperationException(
            "The integration tests need PostgreSQL 14 or later, and found none. Do one of: " +
            "set TRACKER_TEST_CONNECTION (or ConnectionStrings__Marten) to a database the tests may use, e.g. " +
            "\"Host=127.0.0.1;Port=5432;Database=tracker_tests;Username=postgres;Password=...\"; " +
            "start Docker (the tests then run PostgreSQL with Testcontainers); " +
            "or install the PostgreSQL server binaries (Debian/Ubuntu: sudo apt-get install postgresql; " +
            "./test.sh does this itself when run as root). Tried: " + string.Join(" | ", failures));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) await _dispose();
    }

    private static async Task<TestDatabase> StartContainerAsync()
    {
        PostgreSqlContainer container;
        try
        {
            container = await Task.Run(() => new PostgreSqlBuilder(Image)
                    .WithDatabase(DatabaseName)
                    // As the throwaway cluster below (the module already sets fsync=off): several hosts share
                    // the server in some tests.
                    .WithCommand("-c", "max_connections=200", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
                    .Build())
                .WaitAsync(DockerProbeTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the Docker endpoint did not answer within {DockerProbeTimeout.TotalSeconds:0} s");
        }

        try
        {
            using var timeout = new CancellationTokenSource(ContainerStartTimeout);
            await container.StartAsync(timeout.Token);
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
        return new TestDatabase(
            new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { MaxPoolSize = 100 }.ConnectionString,
            $"a Testcontainers {Image} container on port {container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort)}",
            () => container.DisposeAsync());
    }

    /// <summary>Where a given connection string points, without its password.</summary>
    private static string DescribeGiven(string connectionString, string variable)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"database {builder.Database} on {builder.Host}:{builder.Port} (from {variable})";
        }
        catch (ArgumentException)
        {
            return $"the database of {variable}";
        }
    }

    private static string FirstLine(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}";

    /// <summary>
    /// A PostgreSQL cluster of its own: a fresh folder under <see cref="ThrowawayRoot"/>, a free port on
    /// 127.0.0.1, trust authentication, no durability. Stopped and deleted on dispose, or at process exit (or on
    /// SIGINT, SIGTERM, SIGHUP) if the tests never dispose it.
    /// </summary>
    private sealed class LocalCluster
    {
        private readonly string _bin;
        private readonly string _dir;
        private readonly bool _asRoot;
        private EventHandler? _onProcessExit;
        private PosixSignalRegistration[] _onSignals = [];
        private int _stopped;

        private LocalCluster(string bin, string dir, bool asRoot) => (_bin, _dir, _asRoot) = (bin, dir, asRoot);

        private string Data => Path.Combine(_dir, "data");
        private string Log => Path.Combine(_dir, "server.log");

        public static async Task<TestDatabase> StartAsync()
        {
            if (OperatingSystem.IsWindows())
                throw new PlatformNotSupportedException("throwaway clusters are made on Linux and macOS only");
            var bin = FindBinDirectory() ?? throw new InvalidOperationException(
                "scripts/postgres.sh bindir found no initdb and pg_ctl (in /usr/lib/postgresql/*/bin, pg_config --bindir or the PATH)");

            // PostgreSQL refuses to run as root; as root, the cluster belongs to and runs as 'postgres'.
            var asRoot = Environment.IsPrivilegedProcess;
            var cluster = new LocalCluster(bin, await CreateFolderAsync(asRoot), asRoot);
            // From here on, whatever happens, the server (once started) is stopped and the folder deleted: on
            // dispose; on failure below; at process exit if the tests never dispose; and when a signal ends the
            // test process (Ctrl+C, kill), for which .NET raises no ProcessExit. The signal handlers leave the
            // signal's own effect alone. Only a SIGKILL gets past all this; test.sh sweeps up after that.
            cluster._onProcessExit = (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
            AppDomain.CurrentDomain.ProcessExit += cluster._onProcessExit;
            cluster._onSignals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
                .Select(signal => PosixSignalRegistration.Create(signal, _ => cluster.StopAsync().GetAwaiter().GetResult()))];
            try
            {
                await cluster.InitAsync();
                var port = await cluster.StartServerAsync();
                await CreateDatabaseAsync(port);
                return new TestDatabase(
                    $"Host=127.0.0.1;Port={port};Database={DatabaseName};Username=postgres;Maximum Pool Size=100",
                    $"a throwaway PostgreSQL in {cluster._dir} on port {port}",
                    async () => await cluster.StopAsync());
            }
            catch
            {
                await cluster.StopAsync();
                throw;
            }
        }

        /// <summary>A new folder for the cluster, with the owner file <c>test.sh</c> reads.</summary>
        [UnsupportedOSPlatform("windows")]
        private static async Task<string> CreateFolderAsync(bool asRoot)
        {
            var created = !Directory.Exists(ThrowawayRoot);
            Directory.CreateDirectory(ThrowawayRoot);
            // World-writable and sticky like /tmp, so whoever runs the tests next (root or not) can use it.
            if (created || asRoot)
            {
                try
                {
                    File.SetUnixFileMode(ThrowawayRoot, UnixFileMode.StickyBit | UnixFileMode.UserRead | UnixFileMode.UserWrite |
                        UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
                }
                catch (UnauthorizedAccessException) { /* another user made it at the same moment; theirs to set */ }
            }

            var dir = Path.Combine(ThrowawayRoot, Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            try
            {
                await File.WriteAllTextAsync(Path.Combine(dir, OwnerFileName), $"{Environment.ProcessId}\n");
                if (asRoot) await RunAsync("chown", ["postgres:postgres", dir], asPostgres: false);
                return dir;
            }
            catch
            {
                Directory.Delete(dir, recursive: true);
                throw;
            }
        }

        private async Task InitAsync()
        {
            string[] init = ["-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8"];
            try
            {
                // The development cluster's locale (scripts/postgres.sh), so text behaves the same in tests.
                await RunAsync(Path.Combine(_bin, "initdb"), [.. init, "--locale=C.UTF-8"], _asRoot);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("invalid locale", StringComparison.OrdinalIgnoreCase))
            {
                // Systems without a C.UTF-8 locale (macOS, some minimal images): plain C, still UTF8-encoded.
                if (Directory.Exists(Data)) Directory.Delete(Data, recursive: true);
                await RunAsync(Path.Combine(_bin, "initdb"), [.. init, "--no-locale"], _asRoot);
            }
        }

        /// <summary>Starts the server on a free port and returns the port.</summary>
        private async Task<int> StartServerAsync()
        {
            // The port is free when we look, but another process may take it before the server binds it: try again.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                // Durability is not what a throwaway test database is for. The socket goes in the cluster's own
                // folder, so clusters never meet in /var/run/postgresql.
                var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {_dir} -c max_connections=200 " +
                              "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
                try
                {
                    await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-l", Log, "-w", "-t", "60", "-o", options, "start"], _asRoot);
                    return port;
                }
                catch (InvalidOperationException e)
                {
                    var log = ReadLogTail();
                    if (attempt < 3 && log.Contains("already in use", StringComparison.OrdinalIgnoreCase)) continue;
                    throw new InvalidOperationException($"{e.Message}; server.log: {log}", e);
                }
            }
        }

        private static async Task CreateDatabaseAsync(int port)
        {
            // No pooling: this connection is the only one ever made to the 'postgres' database.
            await using var connection = new NpgsqlConnection(
                $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Pooling=false");
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync();
        }

        /// <summary>Stops the server (no shutdown checkpoint: the data is thrown away) and deletes the folder.</summary>
        private async Task StopAsync()
        {
            // Once: dispose and the process-exit handler may both get here.
            if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
            if (_onProcessExit is { } handler)
            {
                AppDomain.CurrentDomain.ProcessExit -= handler;
                _onProcessExit = null;
            }
            foreach (var registration in _onSignals) registration.Dispose();
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            {
                try { await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], _asRoot); }
                catch (InvalidOperationException) { /* not running after all */ }
            }
            try { Directory.Delete(_dir, recursive: true); }
            catch (IOException) { /* best effort: test.sh sweeps ThrowawayRoot too */ }
            catch (UnauthorizedAccessException) { }
        }

        private string ReadLogTail()
        {
            try
            {
                var lines = File.ReadAllLines(Log);
                return string.Join(" / ", lines.TakeLast(5)).Trim();
            }
            catch (IOException) { return "(none)"; }
            catch (UnauthorizedAccessException) { return "(unreadable)"; }
        }

        /// <summary>
        /// The folder with initdb and pg_ctl, as <c>scripts/postgres.sh bindir</c> finds it (the one search, shared with
        /// ./run.sh and ./bench.sh); null when it finds none.
        /// </summary>
        private static string? FindBinDirectory()
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "RelationsTracker.sln"))) root = root.Parent;
            if (root is null) return null;
            using var process = Process.Start(new ProcessStartInfo(Path.Combine(root.FullName, "scripts", "postgres.sh"), ["bindir"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output.Split('\n')[^1] : null;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>Runs a program to its end, as 'postgres' when asked; fails with its output when it fails.</summary>
        private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
        {
            var start = asPostgres
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
                : new ProcessStartInfo(program, arguments);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            // Somewhere the postgres user may enter: the tests' own folder may be under /root.
            start.WorkingDirectory = "/";
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
            // Read both streams while waiting, so a chatty program never blocks on a full pipe. pg_ctl start hands
            // the server's output to server.log, so the server does not hold these pipes open.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = $"{await stdout}{await stderr}".Trim();
            if (process.ExitCode != 0)
                throw new InvalidOperationException(
                    $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }
    }
}
