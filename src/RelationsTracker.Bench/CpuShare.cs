namespace RelationsTracker.Bench;

/// <summary>What one phase's operations cost in processor time, each process's share per operation.</summary>
/// <param name="MachineBusy">The fraction of all cores' time spent busy over the phase (null off Linux).</param>
public sealed record CpuShare(string What, long Operations, double Seconds, double? MachineBusy,
    double ServiceMsPerOperation, double PostgresMsPerOperation, double ClientMsPerOperation)
{
    public double TotalMsPerOperation => ServiceMsPerOperation + PostgresMsPerOperation + ClientMsPerOperation;

    public override string ToString() =>
        $"CPU per operation: service {ServiceMsPerOperation:N3} ms, PostgreSQL {PostgresMsPerOperation:N3} ms, client {ClientMsPerOperation:N3} ms " +
        $"(together {TotalMsPerOperation:N3} ms; machine busy {(MachineBusy is { } b ? $"{b:P0}" : "unknown")})";
}
