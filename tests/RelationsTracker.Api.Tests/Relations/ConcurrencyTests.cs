using System.Net;
using System.Net.Http.Json;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

public class IdempotencyTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task The_same_key_and_body_answer_the_first_answer_and_record_once()
    {
        var (a, b) = await CreateRelationAsync();
        var key = Guid.NewGuid().ToString();
        var body = Development("Negotiation", "2025-03", a);

        var first = await PostJsonAsync($"/api/relations/{a}/{b}/developments", body, ("Idempotency-Key", key));
        await ExpectStatusAsync(first, HttpStatusCode.Created);
        var before = await App.EventCountAsync();
        var retry = await PostJsonAsync($"/api/relations/{a}/{b}/developments", body, ("Idempotency-Key", key));

        await ExpectStatusAsync(retry, HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(before, await App.EventCountAsync());
        var timeline = await GetJsonAsync($"/api/relations/{a}/{b}/developments");
        Assert.Single(timeline["developments"]!.AsArray());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_and_records_nothing()
    {
        var (a, b) = await CreateRelationAsync();
        var key = Guid.NewGuid().ToString();
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Negotiation", "2025-03", a), ("Idempotency-Key", key)), HttpStatusCode.Created);
        var before = await App.EventCountAsync();

        var other = await PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Negotiation", "2025-04", a), ("Idempotency-Key", key));

        await ExpectProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_record_once_and_all_get_the_same_answer()
    {
        var (a, b) = await CreateRelationAsync();
        var key = Guid.NewGuid().ToString();
        var body = Development("Aid", "2025-01-15", b);
        var before = await App.EventCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            PostJsonAsync($"/api/relations/{a}/{b}/developments", body, ("Idempotency-Key", key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(before + 1, await App.EventCountAsync());
    }
}

public class ConcurrencyTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task If_Match_with_the_current_version_records_and_a_stale_one_is_a_412()
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("Consultation", "2025-01", a));
        var etag = (await Client.GetAsync($"/api/relations/{a}/{b}")).Headers.ETag!.Tag;
        Assert.Equal("\"1\"", etag);

        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Consultation", "2025-02", a), ("If-Match", etag)), HttpStatusCode.Created);
        var before = await App.EventCountAsync();
        var stale = await PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Consultation", "2025-03", a), ("If-Match", etag));

        var problem = await ExpectProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, problem["currentVersion"]!.GetValue<long>());
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task If_Match_on_a_relation_with_nothing_recorded_matches_version_0()
    {
        var (a, b) = await CreateRelationAsync();
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Statement", "2025", a), ("If-Match", "\"0\"")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Of_concurrent_writers_with_the_same_If_Match_exactly_one_wins()
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("Consultation", "2025-01", a));
        var before = await App.EventCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Consultation", $"2025-02-{i:D2}", a), ("If-Match", "\"1\""))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        Assert.Equal(before + 1, await App.EventCountAsync());
    }

    [Fact]
    public async Task Concurrent_writers_without_If_Match_all_record_with_distinct_versions()
    {
        var (a, b) = await CreateRelationAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Consultation", $"2025-03-{i:D2}", a))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var versions = new List<long>();
        foreach (var r in responses) versions.Add((await ReadJsonAsync(r))["version"]!.GetValue<long>());
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), versions.Order());
        var state = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-04-01");
        Assert.Equal(12, state["developmentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_nodes_starting_a_relation_at_once_record_every_write_and_answer_no_500()
    {
        await using var other = TrackerApp.HostOn(App.ConnectionString);
        var second = TrackerApp.ClientFor(other);
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            (i % 2 == 0 ? Client : second).PostAsJsonAsync($"/api/relations/{a}/{b}/developments", Development("Aid", "2025-01-01", a))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(before + 100, await App.EventCountAsync());
    }

    [Fact]
    public async Task Two_nodes_writing_to_several_relations_at_once_record_every_write_in_each_and_answer_no_500()
    {
        // Each node commits what waits for several relations in one transaction; one that meets the other node's
        // write commits each relation alone instead, and no write is lost or answered twice.
        await using var other = TrackerApp.HostOn(App.ConnectionString);
        var second = TrackerApp.ClientFor(other);
        var relations = new List<(string A, string B)>();
        for (var i = 0; i < 6; i++) relations.Add(await CreateRelationAsync());

        var responses = await Task.WhenAll(Enumerable.Range(0, 240).Select(i =>
        {
            var (a, b) = relations[i % relations.Count];
            return ((i / relations.Count) % 2 == 0 ? Client : second).PostAsJsonAsync($"/api/relations/{a}/{b}/developments", Development("Aid", "2025-01-01", a));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var (a, b) in relations)
        {
            var state = await GetJsonAsync($"/api/relations/{a}/{b}");
            Assert.Equal(40, state["developmentCount"]!.GetValue<int>());
            Assert.Equal(40, state["version"]!.GetValue<long>());
        }
    }
}
