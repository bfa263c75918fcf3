using System.Diagnostics;

namespace RelationsTracker.Bench;

/// <summary>
/// The processor time the service, PostgreSQL's processes and this client spend over one phase, and how busy the
/// machine's cores were: a rate measured with all three on the same cores is bounded by the time each operation
/// costs them together (docs/performance.md, "Writes across relations").
/// </summary>
public sealed class CpuUse
{
    private readonly int? _service;
    private readonly TimeSpan _serviceStart, _postgresStart, _clientStart;
    private readonly (long Busy, long All)? _machineStart;
    private readonly long _started = Stopwatch.GetTimestamp();

    private CpuUse(int? service)
    {
        _service = service;
        (_serviceStart, _postgresStart, _clientStart, _machineStart) = (ServiceTime(), PostgresTime(), ClientTime(), MachineTicks());
    }

    /// <param name="service">The API's process, or null when the phase does not go through it.</param>
    public static CpuUse Start(int? service) => new(service);

    public CpuShare Stop(string what, long operations)
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var machine = MachineTicks();
        double? busy = machine is { } end && _machineStart is { } start && end.All > start.All
            ? (double)(end.Busy - start.Busy) / (end.All - start.All)
            : null;
        double PerOperation(TimeSpan spent) => operations == 0 ? 0 : spent.TotalMilliseconds / operations;
        return new CpuShare(what, operations, seconds, busy,
            PerOperation(ServiceTime() - _serviceStart), PerOperation(PostgresTime() - _postgresStart), PerOperation(ClientTime() - _clientStart));
    }

    private TimeSpan ServiceTime() => _service is { } id ? TimeOf(() => Process.GetProcessById(id)) : TimeSpan.Zero;

    private static TimeSpan ClientTime() => TimeOf(Process.GetCurrentProcess);

    // Every postgres process on the machine (the cluster's backends, WAL writer, checkpointer; an idle cluster adds next
    // to nothing), read from /proc: Process.GetProcessesByName misses them, as a backend retitles itself. None when the
    // database is elsewhere.
    private static TimeSpan PostgresTime()
    {
        if (!Directory.Exists("/proc")) return TimeSpan.Zero;
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(directory), out _) || File.ReadAllText($"{directory}/comm").Trim() != "postgres") continue;
                // utime and stime: the 14th and 15th fields, counted after the name in parentheses (which may hold spaces).
                var stat = File.ReadAllText($"{directory}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (IOException) { } // it exited in between
            catch (UnauthorizedAccessException) { }
        }
        return TimeSpan.FromSeconds(ticks / (double)TicksPerSecond);
    }

    // Linux counts processor time in USER_HZ ticks, 100 a second on every architecture .NET runs on.
    private const int TicksPerSecond = 100;

    private static TimeSpan TimeOf(Func<Process> process)
    {
        try
        {
            using var found = process();
            return found.TotalProcessorTime;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.Zero; // it exited in between
        }
    }

    // /proc/stat's first line: all cores' ticks by state; busy is all but idle and iowait. Null off Linux.
    private static (long Busy, long All)? MachineTicks()
    {
        if (!File.Exists("/proc/stat")) return null;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var all = fields.Take(8).Sum();
        return (all - fields[3] - fields[4], all);
    }
}
