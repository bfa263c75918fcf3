using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Npgsql;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

/// <summary>
/// <c>./bench.sh --two-nodes</c>: two API processes on one database. Writers on both nodes to one relation with SSE
/// clients on both (POST 201 → SSE latency); then the node running the daemon SIGKILLed during writes (how soon
/// notifications resume, and the webhook deliveries it owned are made); then a SIGTERM with SSE clients connected.
/// </summary>
public static class TwoNodeBench
{
    public static async Task RunAsync(BenchOptions options, IDocumentStore store, string run)
    {
        await using var one = await ApiProcess.StartAsync(options, Named(options, "bench-node-1"));
        await using var two = await ApiProcess.StartAsync(options, Named(options, "bench-node-2"));
        var nodes = new[] { one, two };
        var clients = nodes.Select(Client).ToArray();

        // 1. One relation, 8 writers (4 per node), 2 SSE clients per node.
        var relation = await Loader.CreateRelationAsync(store, clients[0], $"TNA-{run}", $"TNB-{run}");
        await using (var sse = await SseFollowers.ConnectAsync(clients.SelectMany(c => new[] { c, c }), relation))
        {
            // The single-node figures are of a warm service (the notifications phase runs last); so are these. The first
            // seconds of new processes (code generation, the JIT) are printed apart: that is the cold-start issue's.
            var warming = await WriteAsync(clients, relation, writers: 8, TimeSpan.FromSeconds(3), CancellationToken.None);
            var cold = await sse.LatencyAsync(warming, TimeSpan.FromSeconds(60));
            Console.WriteLine($"warm-up, the first 3 s after the nodes started: {warming.Count:N0} developments; POST 201 → SSE p50 {cold.P50:N1} ms, p95 {cold.P95:N1} ms, p99 {cold.P99:N1} ms");
            sse.Forget(warming.Keys);
            var answered = await WriteAsync(clients, relation, writers: 8, TimeSpan.FromSeconds(options.SustainedSeconds), CancellationToken.None);
            var latency = await sse.LatencyAsync(answered, TimeSpan.FromSeconds(60));
            Console.WriteLine($"one relation, 8 writers (4 per node), {options.SustainedSeconds} s: {answered.Count:N0} developments ({answered.Count / (double)options.SustainedSeconds:N0}/s)");
            Console.WriteLine($"  POST 201 → SSE client (2 per node), {latency.Count:N0} samples: p50 {latency.P50:N1} ms, p95 {latency.P95:N1} ms, p99 {latency.P99:N1} ms");
        }

        // 2. SIGKILL of the node running the daemon while a writer on each node records 10 a second; the receiver holds
        // each webhook delivery 200 ms, so some are in flight on the dying node.
        await using var receiver = WebhookReceiver.Start(TimeSpan.FromMilliseconds(200));
        var killed = await store.DaemonNodeAsync() == "bench-node-1" ? 0 : 1;
        var survivor = 1 - killed;
        var failing = await Loader.CreateRelationAsync(store, clients[0], $"TNC-{run}", $"TND-{run}");
        (await clients[0].PostAsJsonAsync("/api/subscriptions", new { callbackUrl = receiver.Url, secret = "bench", relations = new[] { failing.ToString() } })).EnsureSuccessStatusCode();
        await using (var sse = await SseFollowers.ConnectAsync([clients[survivor]], failing))
        {
            using var stopWriting = new CancellationTokenSource();
            var sent = new ConcurrentDictionary<string, long>();
            var writing = WriteAsync(clients, failing, writers: 2, TimeSpan.FromSeconds(10), stopWriting.Token, pause: TimeSpan.FromMilliseconds(100), sent);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var killedAt = Stopwatch.GetTimestamp();
            await nodes[killed].KillAsync();
            var undelivered = sent.Keys.Where(id => !receiver.Delivered(id)).ToList();
            var answered = await writing;
            var sentAfterKill = sent.Where(a => a.Value > killedAt).Select(a => a.Key).ToList();
            var resumed = await sse.FirstArrivalAsync(sentAfterKill, TimeSpan.FromSeconds(60));
            var ownedBy = await receiver.AllDeliveredAsync(undelivered.Where(answered.ContainsKey).ToList(), TimeSpan.FromSeconds(120));
            var allBy = await receiver.AllDeliveredAsync(answered.Keys, TimeSpan.FromSeconds(120));
            Console.WriteLine($"SIGKILL of the daemon's node during writes ({answered.Count:N0} developments, {sentAfterKill.Count:N0} sent after the kill):");
            Console.WriteLine($"  first notification of a write sent after the kill reached the survivor's SSE client {Stopwatch.GetElapsedTime(killedAt, resumed).TotalSeconds:N1} s after the kill");
            Console.WriteLine($"  webhook deliveries not yet made at the kill ({undelivered.Count(answered.ContainsKey):N0}): the last made {Stopwatch.GetElapsedTime(killedAt, ownedBy).TotalSeconds:N1} s after the kill; all {answered.Count:N0} by {Stopwatch.GetElapsedTime(killedAt, allBy).TotalSeconds:N1} s");
        }

        // 3. SIGTERM with 50 SSE clients connected.
        var stopping = nodes[survivor];
        var followers = await SseFollowers.ConnectAsync(Enumerable.Repeat(clients[survivor], 50), failing);
        var took = await stopping.TerminateAsync();
        Console.WriteLine($"SIGTERM with 50 SSE clients connected: the node exited in {took.TotalSeconds:N2} s");
        await followers.DisposeAsync();
    }

    private static Dictionary<string, string> Named(BenchOptions options, string node) => new()
    {
        ["ConnectionStrings__Marten"] = new NpgsqlConnectionStringBuilder(options.ConnectionString) { ApplicationName = node }.ConnectionString,
    };

    private static HttpClient Client(ApiProcess node)
    {
        var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.ApiKey);
        return http;
    }

    /// <summary>Writers spread over the nodes, each posting as fast as it is answered; the 201s' times by development id.</summary>
    private static async Task<ConcurrentDictionary<string, long>> WriteAsync(HttpClient[] nodes, RelationId relation, int writers, TimeSpan duration,
        CancellationToken stop, TimeSpan? pause = null, ConcurrentDictionary<string, long>? sent = null)
    {
        var answered = new ConcurrentDictionary<string, long>();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var http = nodes[w % nodes.Length];
            var random = new Random(w);
            while (Stopwatch.GetTimestamp() < until && !stop.IsCancellationRequested)
            {
                try
                {
                    if (pause is { } p) await Task.Delay(p);
                    var sentAt = Stopwatch.GetTimestamp();
                    var response = await http.PostAsJsonAsync($"/api/relations/{relation.First}/{relation.Second}/developments", Generator.Request(random, relation));
                    var at = Stopwatch.GetTimestamp();
                    if (response.StatusCode != HttpStatusCode.Created) continue;
                    var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
                    answered[id] = at;
                    sent?.TryAdd(id, sentAt);
                }
                catch (HttpRequestException)
                {
                    return; // its node was killed
                }
            }
        })));
        return answered;
    }

    private static async Task<string> DaemonNodeAsync(this IDocumentStore store)
    {
        var key = Api.Notifications.NotificationSubscription.DaemonLockKey;
        await using var session = store.QuerySession();
        var names = await session.QueryAsync<string>(
            "select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted " +
            "and l.database = (select oid from pg_database where datname = current_database()) and l.objid = ?", (long)key);
        return names.Single();
    }
}
