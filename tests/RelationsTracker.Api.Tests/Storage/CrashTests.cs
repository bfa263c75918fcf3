using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>The service killed with SIGKILL in the middle of concurrent writes loses and doubles nothing.</summary>
public class CrashTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task Every_acknowledged_development_survives_a_SIGKILL_once_and_retries_get_their_original_answer()
    {
        await using var tracker = await TrackerProcess.StartAsync(await App.CreateDatabaseAsync());
        var client = tracker.CreateClient();
        foreach (var actor in new[] { "AAA", "BBB", "CCC" })
            (await client.PutAsJsonAsync($"/api/actors/{actor}", new { name = actor })).EnsureSuccessStatusCode();

        // Writers send with Idempotency-Keys; some requests will be in flight when the process dies.
        var acknowledged = new ConcurrentDictionary<string, string>(); // key -> development id
        var sent = new ConcurrentBag<(string Key, string Url, object Body)>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var relation = w % 2 == 0 ? "AAA/BBB" : "BBB/CCC";
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = $"w{w}-{i}";
                var url = $"/api/relations/{relation}/developments";
                var body = Development("Aid", $"2025-01-{i % 28 + 1:D2}", "BBB", summary: key);
                sent.Add((key, url, body));
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key);
                    var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Created)
                        acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
                }
                catch (Exception) { return; } // the process died under us
            }
        })).ToList();

        await Task.Delay(1500);
        await tracker.KillAsync();
        stop.Cancel();
        await Task.WhenAll(writers);
        Assert.True(acknowledged.Count > 10, $"only {acknowledged.Count} writes were acknowledged before the kill");

        await tracker.StartAgainAsync();
        client = tracker.CreateClient();

        // Every acknowledged development is there, once.
        var ids = new HashSet<string>();
        foreach (var relation in new[] { "AAA/BBB", "BBB/CCC" })
        {
            foreach (var d in await AllDevelopmentsAsync(client, relation)) Assert.True(ids.Add(d["id"]!.GetValue<string>()));
        }
        Assert.All(acknowledged.Values, id => Assert.Contains(id, ids));

        // Retrying every request with its key: acknowledged ones answer their original id; the rest are recorded now, once.
        foreach (var (key, url, body) in sent)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            if (acknowledged.TryGetValue(key, out var original)) Assert.Equal(original, id);
            ids.Add(id);
        }
        var total = 0;
        foreach (var relation in new[] { "AAA/BBB", "BBB/CCC" })
            total += (await AllDevelopmentsAsync(client, relation)).Count;
        Assert.Equal(sent.Count, total);
        Assert.Equal(sent.Count, ids.Count);

        // Notifications catch up: one development-recorded per development, each id once.
        var notified = await SseClient.CatchUpAsync(client, "/api/notifications?kinds=development-recorded", 0, sent.Count, TimeSpan.FromSeconds(60));
        Assert.Equal(ids.Order(), notified.Select(n => n.Data["developmentId"]!.GetValue<string>()).Order());
        await using var sse = await SseClient.ConnectAsync(client, "/api/notifications?kinds=development-recorded", notified.Max(n => n.Id));
        await sse.ExpectNothingAsync(TimeSpan.FromSeconds(1));
    }
}
