using System.Net;
using System.Net.Http.Json;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>A second tracker host on the same database: what one node writes, the other sees and respects.</summary>
public class TwoNodeTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task Writes_alternating_between_two_nodes_all_record_in_order_and_a_stale_If_Match_is_a_412()
    {
        await using var other = TrackerApp.HostOn(App.ConnectionString);
        var second = TrackerApp.ClientFor(other);
        var (a, b) = await CreateRelationAsync();
        var url = $"/api/relations/{a}/{b}/developments";

        for (var i = 1; i <= 6; i++)
        {
            var node = i % 2 == 0 ? second : Client;
            var response = await node.PostAsJsonAsync(url, Development("Consultation", $"2025-01-{i:D2}", a));
            await ExpectStatusAsync(response, HttpStatusCode.Created);
            Assert.Equal(i, (await ReadJsonAsync(response))["version"]!.GetValue<long>());
        }

        // Each node reads what the other wrote.
        var state = await second.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/relations/{a}/{b}?asOf=2025-02-01");
        Assert.Equal(6, state!["developmentCount"]!.GetValue<int>());

        // Node one's last look said version 6; node two writes; node one's If-Match "6" is now stale.
        await ExpectStatusAsync(await second.PostAsJsonAsync(url, Development("Consultation", "2025-01-07", a)), HttpStatusCode.Created);
        var before = await App.EventCountAsync();
        var stale = await PostJsonAsync(url, Development("Consultation", "2025-01-08", a), ("If-Match", "\"6\""));
        await ExpectProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task Concurrent_writers_on_both_nodes_with_one_If_Match_have_exactly_one_winner()
    {
        await using var other = TrackerApp.HostOn(App.ConnectionString);
        var second = TrackerApp.ClientFor(other);
        var (a, b) = await CreateRelationAsync();
        var url = $"/api/relations/{a}/{b}/developments";
        await RecordAsync(a, b, Development("Consultation", "2025-01-01", a));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(Development("Aid", $"2025-02-{i + 1:D2}", b)) };
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return await (i % 2 == 0 ? Client : second).SendAsync(request);
        }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var state = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-03-01");
        Assert.Equal(2, state["developmentCount"]!.GetValue<int>());
        Assert.Equal(2, state["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Concurrent_writers_on_both_nodes_without_If_Match_all_record()
    {
        await using var other = TrackerApp.HostOn(App.ConnectionString);
        var second = TrackerApp.ClientFor(other);
        var (a, b) = await CreateRelationAsync();
        var url = $"/api/relations/{a}/{b}/developments";

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            (i % 2 == 0 ? Client : second).PostAsJsonAsync(url, Development("Aid", $"2025-02-{i + 1:D2}", b))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var versions = new List<long>();
        foreach (var r in responses) versions.Add((await ReadJsonAsync(r))["version"]!.GetValue<long>());
        Assert.Equal(Enumerable.Range(1, 16).Select(v => (long)v), versions.Order());
    }
}
