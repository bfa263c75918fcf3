using System.Diagnostics;
using System.Net.Http.Json;
using Marten;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

public sealed record BenchOptions(
    string ConnectionString,
    string DatabaseDescription,
    string ApiDll,
    int[] Sizes,
    int Reads,
    int Posts,
    int Writers,
    int SustainedSeconds,
    int Notifications,
    int LoadSeconds,
    int ImportRows,
    int ImportWarmUpRows,
    bool TwoNodes)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
                         ?? throw new InvalidOperationException("Set ConnectionStrings__Marten (./bench.sh does).");
        var apiDll = Path.GetFullPath(Arg("--api") ?? throw new InvalidOperationException("Pass --api <path to RelationsTracker.Api.dll> (./bench.sh does)."));
        var sizes = (Arg("--sizes") ?? "1000,10000,100000").Split(',').Select(int.Parse).ToArray();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        return new BenchOptions(connection, $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}", apiDll, sizes,
            int.Parse(Arg("--reads") ?? "200"), int.Parse(Arg("--posts") ?? "300"), int.Parse(Arg("--writers") ?? "8"),
            int.Parse(Arg("--seconds") ?? "10"), int.Parse(Arg("--notifications") ?? "1000"),
            args.Contains("--load") ? int.Parse(Arg("--load") is { } l && !l.StartsWith("--") ? l : "60") : 0,
            args.Contains("--import") ? int.Parse(Arg("--import") is { } n && !n.StartsWith("--") ? n : "1000000") : 0,
            int.Parse(Arg("--warm-up") ?? "100"), args.Contains("--two-nodes"));
    }
}

/// <summary>The API as its own process on loopback, as users run it.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-key";

    private readonly Process _process;
    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;

    private ApiProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public static async Task<ApiProcess> StartAsync(BenchOptions options, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [options.ApiDll, "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(options.ApiDll)!,
        };
        start.Environment["ConnectionStrings__Marten"] = options.ConnectionString;
        start.Environment["Tracker__Seed"] = "false";
        start.Environment["Tracker__ApiKeys__0"] = ApiKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The bench's clients all use one key; the per-key write limit (1,000/s by default) is not what it measures.
        start.Environment["Tracker__RateLimit__WritesPerSecond"] = "1000000";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[api] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API exited with code {process.ExitCode}");
            try
            {
                if ((await http.GetAsync($"{url}/health/ready")).IsSuccessStatusCode) return new ApiProcess(process, new Uri(url));
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The API did not become ready in 2 minutes");
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>SIGKILL, as a crash.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as Ctrl+C or docker stop; how long the process took to exit.</summary>
    public async Task<TimeSpan> TerminateAsync()
    {
        var started = Stopwatch.GetTimestamp();
        if (SignalProcess(_process.Id, 15) != 0) throw new InvalidOperationException("kill(SIGTERM) failed");
        await _process.WaitForExitAsync();
        return Stopwatch.GetElapsedTime(started);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SignalProcess(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>Random but reproducible developments over 2000–2025, every type, every precision.</summary>
public static class Generator
{
    private static readonly DevelopmentType[] Types = Enum.GetValues<DevelopmentType>();

    public static DevelopmentRecorded Event(Random random, RelationId relation)
    {
        var type = Types[random.Next(Types.Length)];
        var recorded = DevelopmentRecorded.Blank(type) with
        {
            DevelopmentId = Guid.CreateVersion7(),
            OccurredOn = Date(random),
            Actor = random.Next(2) == 0 ? relation.First : relation.Second,
            Summary = $"Generated {type}",
            Significance = (Significance)random.Next(3),
            Sources = [new Source { Url = "https://example.org/bench", Publisher = "Bench" }],
        };
        return recorded switch
        {
            AgreementDevelopment a => a with { Agreement = $"agreement-{random.Next(20)}", Title = "A generated agreement" },
            MissionDevelopment m => m with { Mission = new Mission(relation.First, random.Next(2) == 0 ? "consulate" : "embassy", $"City {random.Next(5)}") },
            _ => recorded,
        };
    }

    /// <summary>The same development as a POST body.</summary>
    public static Dictionary<string, object?> Request(Random random, RelationId relation)
    {
        var e = Event(random, relation);
        var body = new Dictionary<string, object?>
        {
            ["type"] = e.Type.ToString(),
            ["occurredOn"] = e.OccurredOn.ToString(),
            ["actor"] = e.Actor,
            ["summary"] = e.Summary,
            ["significance"] = e.Significance.Name(),
            ["sources"] = new[] { new { url = "https://example.org/bench" } },
        };
        if (e is AgreementDevelopment a) (body["agreement"], body["title"]) = (a.Agreement, a.Title);
        if (e is MissionDevelopment m) body["mission"] = new { owner = m.Mission.Owner, kind = m.Mission.Kind, city = m.Mission.City };
        return body;
    }

    private static OccurrenceDate Date(Random random)
    {
        var day = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9496));
        return random.Next(10) switch
        {
            0 => OccurrenceDate.Year(day.Year),
            1 or 2 => OccurrenceDate.Month(day.Year, day.Month),
            _ => OccurrenceDate.Day(day),
        };
    }
}

public static class Loader
{
    /// <summary>Waits until the daemon's notification subscription has processed every event appended so far.</summary>
    public static async Task<TimeSpan> WaitForNotificationsAsync(IDocumentStore store)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromMinutes(30))
        {
            await using var session = store.QuerySession();
            var behind = await session.QueryAsync<long>(
                "select coalesce((select max(seq_id) from tracker.mt_events), 0) - coalesce((select last_seq_id from tracker.mt_event_progression where name like 'Notifications%'), 0)");
            if (behind[0] <= 0) return stopwatch.Elapsed;
            await Task.Delay(250);
        }
        throw new TimeoutException("The notification subscription did not catch up in 30 minutes");
    }

    public static async Task<RelationId> CreateRelationAsync(IDocumentStore store, HttpClient http, string a, string b)
    {
        foreach (var id in new[] { a, b })
            (await http.PutAsJsonAsync($"/api/actors/{id}", new { name = $"Bench actor {id}" })).EnsureSuccessStatusCode();
        return RelationId.Of(a, b);
    }

    /// <summary>
    /// Appends through Marten in batches, with the API's own store options, so the inline projections
    /// build exactly the documents the API would. Recorded times are distinct and increasing.
    /// </summary>
    public static async Task<TimeSpan> LoadAsync(IDocumentStore store, RelationId relation, int count, int seed)
    {
        var random = new Random(seed);
        var stopwatch = Stopwatch.StartNew();
        var recordedAt = DateTimeOffset.UtcNow.AddDays(-1);
        recordedAt = new DateTimeOffset(recordedAt.Ticks - recordedAt.Ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
        const int batch = 1000;
        for (var done = 0; done < count; done += batch)
        {
            await using var session = store.IdentitySession();
            var events = Enumerable.Range(0, Math.Min(batch, count - done)).Select(_ => (object)Generator.Event(random, relation)).ToArray();
            // With the expected version known, Marten gives inline projections each event's version.
            var known = await session.LoadAsync<RelationsTracker.Relations.Relation>(relation.ToString());
            var action = session.Events.Append(relation.ToString(), (known?.StreamVersion ?? 0) + events.Length, events);
            foreach (var e in action.Events)
            {
                recordedAt = recordedAt.AddTicks(TimeSpan.TicksPerMicrosecond);
                e.Timestamp = recordedAt;
            }
            await session.SaveChangesAsync();
        }
        // What autovacuum does within a minute or so of a load: without statistics PostgreSQL guesses that a
        // range condition matches a fifth of the table, and the daemon's gap check (seq_id >= the last mark)
        // then scans the whole event table on every append instead of reading the few newest rows.
        await AnalyzeAsync(store);
        return stopwatch.Elapsed;
    }

    public static async Task AnalyzeAsync(IDocumentStore store)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var analyze = new Npgsql.NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}

public sealed record Latency(int Count, double P50, double P95, double P99, double Mean)
{
    public static Latency Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return new Latency(milliseconds.Count, At(0.50), At(0.95), At(0.99), milliseconds.Average());
    }
}

public sealed record Throughput(int Operations, double Seconds, double PerSecond, Latency Latency);

public static class Measure
{
    public static async Task<Latency> LatencyAsync(int count, Func<Task> operation)
    {
        for (var i = 0; i < Math.Min(10, count); i++) await operation(); // warm-up
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return Latency.Of(samples);
    }

    public static async Task<Throughput> ThroughputAsync(int workers, int seconds, Func<int, Random, Task> operation)
    {
        var stop = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var samples = new List<double>[workers];
        var done = 0L;
        using var report = new CancellationTokenSource();
        var reporter = Task.Run(async () =>
        {
            var last = 0L;
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), report.Token);
                    var now = Interlocked.Read(ref done);
                    Console.Error.WriteLine($"    {stop.Elapsed.TotalSeconds,5:N0} s: {(now - last) / 5.0:N0}/s");
                    last = now;
                }
            }
            catch (OperationCanceledException) { }
        });
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var random = new Random(worker * 7919 + seconds);
            var mine = samples[worker] = [];
            while (stop.Elapsed < until)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(worker, random);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref done);
            }
        }));
        report.Cancel();
        await reporter;
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).ToList();
        return new Throughput(all.Count, elapsed, all.Count / elapsed, Latency.Of(all));
    }
}

public sealed class ResultTable
{
    private readonly List<(int? Size, string What, object Result)> _rows = [];

    public void Add(int? size, string what, object result)
    {
        _rows.Add((size, what, result));
        Console.WriteLine($"  {(size is null ? "" : $"{size:N0}: ")}{what}: {Format(result)}");
    }

    public void Print(TextWriter writer)
    {
        writer.WriteLine("| developments | measurement | n | p50 ms | p95 ms | p99 ms | per second |");
        writer.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var (size, what, result) in _rows)
        {
            var (n, latency, rate) = result switch
            {
                Latency l => (l.Count, l, l.Mean > 0 ? 1000 / l.Mean : 0),
                Throughput t => (t.Operations, t.Latency, t.PerSecond),
                _ => throw new InvalidOperationException(),
            };
            writer.WriteLine($"| {(size is null ? "—" : size.Value.ToString("N0"))} | {what} | {n:N0} | {latency.P50:N2} | {latency.P95:N2} | {latency.P99:N2} | {rate:N0} |");
        }
    }

    private static string Format(object result) => result switch
    {
        Latency l => $"p50 {l.P50:N2} ms, p95 {l.P95:N2} ms (n={l.Count})",
        Throughput t => $"{t.PerSecond:N0}/s over {t.Seconds:N1} s, p50 {t.Latency.P50:N2} ms, p95 {t.Latency.P95:N2} ms",
        _ => result.ToString()!,
    };
}
