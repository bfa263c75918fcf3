using System.Diagnostics;
using System.Net.Http.Json;
using Marten;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

public sealed record Throughput(int Operations, double Seconds, double PerSecond, Latency Latency);
