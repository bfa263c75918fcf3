namespace RelationsTracker.Bench;

public sealed class ResultTable
{
    private readonly List<(int? Size, string What, object Result)> _rows = [];
    private readonly List<CpuShare> _cpu = [];

    public void Add(int? size, string what, object result)
    {
        _rows.Add((size, what, result));
        Console.WriteLine($"  {(size is null ? "" : $"{size:N0}: ")}{what}: {Format(result)}");
    }

    public void Add(CpuShare cpu)
    {
        _cpu.Add(cpu);
        Console.WriteLine($"  {cpu.What}: {cpu}");
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
        if (_cpu.Count == 0) return;
        writer.WriteLine();
        writer.WriteLine("| processor time per operation | per second | machine busy | service ms | PostgreSQL ms | client ms | together ms |");
        writer.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in _cpu)
            writer.WriteLine($"| {c.What} | {c.Operations / c.Seconds:N0} | {(c.MachineBusy is { } b ? b.ToString("P0") : "—")} | {c.ServiceMsPerOperation:N3} | {c.PostgresMsPerOperation:N3} | {c.ClientMsPerOperation:N3} | {c.TotalMsPerOperation:N3} |");
    }

    private static string Format(object result) => result switch
    {
        Latency l => $"p50 {l.P50:N2} ms, p95 {l.P95:N2} ms (n={l.Count})",
        Throughput t => $"{t.PerSecond:N0}/s over {t.Seconds:N1} s, p50 {t.Latency.P50:N2} ms, p95 {t.Latency.P95:N2} ms",
        _ => result.ToString()!,
    };
}
