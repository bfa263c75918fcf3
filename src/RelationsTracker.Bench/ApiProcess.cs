using System.Diagnostics;

namespace RelationsTracker.Bench;

/// <summary>The API as its own process on loopback, as users run it.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-key";

    private readonly Process _process;
    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;
    /// <summary>From starting the process to its first 200 from /health/ready.</summary>
    public TimeSpan StartedToReady { get; }

    private ApiProcess(Process process, Uri baseAddress, TimeSpan startedToReady) =>
        (_process, BaseAddress, StartedToReady) = (process, baseAddress, startedToReady);

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
        var started = Stopwatch.GetTimestamp();
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
                if ((await http.GetAsync($"{url}/health/ready")).IsSuccessStatusCode) return new ApiProcess(process, new Uri(url), Stopwatch.GetElapsedTime(started));
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
