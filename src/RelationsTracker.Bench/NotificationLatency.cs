using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

/// <summary>From a POST's 201 to each connected SSE client receiving that development's notification.</summary>
public static class NotificationLatency
{
    public static async Task<Latency> MeasureAsync(HttpClient http, RelationId relation, int clients, int developments)
    {
        var received = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        using var stop = new CancellationTokenSource();
        var ready = new CountdownEvent(clients);
        var readers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications?relation={relation}&kinds=development-recorded");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            await using var stream = await response.Content.ReadAsStreamAsync(stop.Token);
            using var reader = new StreamReader(stream);
            ready.Signal();
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                    var at = Stopwatch.GetTimestamp();
                    var id = JsonNode.Parse(line.AsSpan(6).ToString())!["developmentId"]!.GetValue<string>();
                    received.GetOrAdd(id, _ => []).Add(at);
                }
            }
            catch (OperationCanceledException) { }
        })).ToList();
        if (!ready.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("SSE clients did not connect");
        await Task.Delay(500);

        var random = new Random(clients);
        var answeredAt = new Dictionary<string, long>();
        for (var i = 0; i < developments; i++)
        {
            var response = await http.PostAsJsonAsync($"/api/relations/{relation.First}/{relation.Second}/developments", Generator.Request(random, relation));
            var at = Stopwatch.GetTimestamp();
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            answeredAt[body!["id"]!.GetValue<string>()] = at;
            // A steady stream, as analysts write: 100 a second.
            await Task.Delay(10);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && answeredAt.Keys.Any(id => !received.TryGetValue(id, out var bag) || bag.Count < clients))
            await Task.Delay(100);
        stop.Cancel();
        await Task.WhenAll(readers);

        var samples = new List<double>();
        var missing = 0;
        foreach (var (id, at) in answeredAt)
        {
            var arrivals = received.TryGetValue(id, out var bag) ? bag.ToList() : [];
            missing += clients - arrivals.Count;
            samples.AddRange(arrivals.Select(r => Stopwatch.GetElapsedTime(at, r).TotalMilliseconds));
        }
        if (missing > 0) throw new InvalidOperationException($"{missing} notifications never arrived");
        return Latency.Of(samples);
    }
}
