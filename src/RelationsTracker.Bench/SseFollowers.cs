using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

/// <summary>SSE clients of one relation's development-recorded notifications, read with .NET's SseParser.</summary>
internal sealed class SseFollowers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private readonly ConcurrentDictionary<string, ConcurrentBag<long>> _arrivals = new();
    private int _clients;

    public static async Task<SseFollowers> ConnectAsync(IEnumerable<HttpClient> nodes, RelationId relation)
    {
        var followers = new SseFollowers();
        foreach (var http in nodes)
        {
            var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/notifications?relation={relation}&kinds=development-recorded"),
                HttpCompletionOption.ResponseHeadersRead, followers._stop.Token);
            response.EnsureSuccessStatusCode();
            followers._clients++;
            followers._readers.Add(Task.Run(async () =>
            {
                try
                {
                    await using var stream = await response.Content.ReadAsStreamAsync(followers._stop.Token);
                    await foreach (var item in SseParser.Create(stream).EnumerateAsync(followers._stop.Token))
                    {
                        var at = Stopwatch.GetTimestamp();
                        if (item.Data.Length == 0) continue;
                        var id = JsonNode.Parse(item.Data)!["developmentId"]!.GetValue<string>();
                        followers._arrivals.GetOrAdd(id, _ => []).Add(at);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException) { }
            }));
        }
        return followers;
    }

    /// <summary>From each 201 to each client's arrival; throws if any client missed one, or got one twice.</summary>
    public async Task<Latency> LatencyAsync(IReadOnlyDictionary<string, long> answered, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && answered.Keys.Any(id => !_arrivals.TryGetValue(id, out var bag) || bag.Count < _clients))
            await Task.Delay(50);
        var samples = new List<double>();
        foreach (var (id, at) in answered)
        {
            var arrivals = _arrivals.TryGetValue(id, out var bag) ? bag.ToList() : [];
            if (arrivals.Count != _clients) throw new InvalidOperationException($"development {id} reached {arrivals.Count} of {_clients} clients");
            samples.AddRange(arrivals.Select(r => Stopwatch.GetElapsedTime(at, r).TotalMilliseconds));
        }
        return Latency.Of(samples);
    }

    public void Forget(IEnumerable<string> ids)
    {
        foreach (var id in ids) _arrivals.TryRemove(id, out _);
    }

    /// <summary>When the first of these developments reached a client.</summary>
    public async Task<long> FirstArrivalAsync(IEnumerable<string> ids, TimeSpan within)
    {
        var wanted = ids.ToList();
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            var arrivals = wanted.Where(_arrivals.ContainsKey).SelectMany(id => _arrivals[id]).ToList();
            if (arrivals.Count > 0) return arrivals.Min();
            await Task.Delay(20);
        }
        throw new TimeoutException("no notification of a write made after the kill arrived");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await Task.WhenAll(_readers); } catch { /* closing */ }
    }
}
