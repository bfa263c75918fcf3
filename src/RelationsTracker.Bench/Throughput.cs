namespace RelationsTracker.Bench;

public sealed record Throughput(int Operations, double Seconds, double PerSecond, Latency Latency);
