using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>The API as a real operating-system process, on its own port, for tests that kill it.</summary>
public sealed class TrackerProcess : IAsyncDisposable
{
    private Process? _process;
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly ConcurrentQueue<string> _output = new();

    private void Remember(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    /// <summary>The last 200 lines the process wrote.</summary>
    public IReadOnlyCollection<string> Output => [.. _output];

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    private TrackerProcess(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        _connectionString = connectionString;
        _settings = settings;
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        Port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    /// <summary>The API's own build output, next to this test assembly's in the repository.</summary>
    private static string ApiDll()
    {
        var here = AppContext.BaseDirectory; // tests/RelationsTracker.Api.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(here)).Parent!.Name;
        var root = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", ".."));
        return Path.Combine(root, "src", "RelationsTracker.Api", "bin", configuration, "net10.0", "RelationsTracker.Api.dll");
    }

    public static async Task<TrackerProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var process = new TrackerProcess(connectionString, settings ?? new Dictionary<string, string>());
        await process.StartAgainAsync();
        return process;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("dotnet", [ApiDll(), "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Marten"] = _connectionString;
        start.Environment["Tracker__ApiKeys__0"] = TrackerApp.ApiKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in _settings) start.Environment[name.Replace(":", "__")] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Waits for the redirected output to be read to its end, so the reason is in the message.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}: {string.Join("\n", _output)}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "/health/ready"))).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The API did not become ready");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as Ctrl+C, systemd or docker stop: the host shuts down; returns how long the process took to exit.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan within)
    {
        if (_process is null || _process.HasExited) return TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        if (Kill(_process.Id, SigTerm) != 0) throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed");
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"The API did not exit within {within.TotalSeconds} s of SIGTERM: {string.Join("\n", _output.TakeLast(20))}");
        }
        return Stopwatch.GetElapsedTime(started);
    }

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", TrackerApp.ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
