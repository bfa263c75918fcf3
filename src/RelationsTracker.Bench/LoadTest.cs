using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

/// <summary>
/// A bounded mixed load: clients that each loop over a random request — 80% reads (a relation's state at a
/// random date, its 365-point series, the relation list), 20% writes (a development) — over a set of
/// relations. Counts every answer; afterwards checks that every 201 is in the store.
/// </summary>
public static class LoadTest
{
    public sealed record Result(int Requests, int Errors, double Seconds, Latency Reads, Latency Writes, int Acknowledged, int Stored);

    /// <summary>The mixed load alone: 8 relations of 1,000 developments each, then 16 clients for <paramref name="seconds"/>, and its table.</summary>
    public static async Task RunPhaseAsync(IDocumentStore store, HttpClient http, string run, int seconds)
    {
        var loaded = new List<RelationId>();
        for (var i = 0; i < 8; i++)
        {
            var relation = await Loader.CreateRelationAsync(store, http, $"BLA-{run}{i}", $"BLB-{run}{i}");
            await Loader.LoadAsync(store, relation, 1000, seed: i);
            loaded.Add(relation);
        }
        await Loader.WaitForNotificationsAsync(store);
        await http.GetStringAsync("/api/relations");
        var result = await RunAsync(http, loaded, clients: 16, seconds);
        Console.WriteLine($"mixed load, 16 clients, {result.Seconds:N0} s, 8 relations of 1,000+ developments, 80% reads / 20% writes:");
        Console.WriteLine("| requests | per second | errors | reads p50 ms | reads p99 ms | writes p50 ms | writes p99 ms | writes acknowledged | acknowledged and stored |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {result.Requests:N0} | {result.Requests / result.Seconds:N0} | {result.Errors} | {result.Reads.P50:N2} | {result.Reads.P99:N2} | {result.Writes.P50:N2} | {result.Writes.P99:N2} | {result.Acknowledged:N0} | {result.Stored:N0} |");
    }

    public static async Task<Result> RunAsync(HttpClient http, IReadOnlyList<RelationId> relations, int clients, int seconds)
    {
        var reads = new ConcurrentBag<double>();
        var writes = new ConcurrentBag<double>();
        var acknowledged = new ConcurrentBag<string>();
        var errors = 0;
        var stopwatch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);

        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c * 31 + 7);
            while (stopwatch.Elapsed < until)
            {
                var relation = relations[random.Next(relations.Count)];
                var path = $"/api/relations/{relation.First}/{relation.Second}";
                var roll = random.Next(100);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    if (roll < 20)
                    {
                        var response = await http.PostAsJsonAsync($"{path}/developments", Generator.Request(random, relation));
                        writes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        if ((int)response.StatusCode == 201) acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
                        else Interlocked.Increment(ref errors);
                        continue;
                    }
                    var date = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9000));
                    var url = roll switch
                    {
                        < 60 => $"{path}?asOf={date:yyyy-MM-dd}",
                        < 80 => $"{path}/score?from={date:yyyy-MM-dd}&to={date.AddDays(364):yyyy-MM-dd}",
                        _ => "/api/relations",
                    };
                    var answer = await http.GetAsync(url);
                    reads.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (!answer.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = stopwatch.Elapsed.TotalSeconds;

        // No loss: every acknowledged development is in its relation's timeline.
        var stored = new HashSet<string>();
        foreach (var relation in relations)
        {
            var timeline = await http.GetFromJsonAsync<JsonObject>($"/api/relations/{relation.First}/{relation.Second}/developments");
            foreach (var d in timeline!["developments"]!.AsArray()) stored.Add(d!["id"]!.GetValue<string>());
        }
        return new Result(reads.Count + writes.Count, errors, elapsed, Latency.Of([.. reads]), Latency.Of([.. writes]),
            acknowledged.Count, acknowledged.Count(stored.Contains));
    }
}
