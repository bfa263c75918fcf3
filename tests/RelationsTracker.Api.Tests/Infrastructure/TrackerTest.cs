using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>Helpers for tests that talk to the tracker over HTTP, each with a fresh pair of actors.</summary>
[Collection(TrackerCollection.Name)]
public abstract class TrackerTest(TrackerApp app)
{
    protected TrackerApp App { get; } = app;
    protected HttpClient Client => App.Client;

    /// <summary>A new actor id no other test uses, like <c>TST-3F9A1C2B7D</c>.</summary>
    protected static string NewActorId(string prefix = "TST") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    protected async Task<string> CreateActorAsync(string? id = null, string? name = null)
    {
        id ??= NewActorId();
        var response = await Client.PutAsJsonAsync($"/api/actors/{id}", new { name = name ?? $"Actor {id}" });
        Assert.True(response.IsSuccessStatusCode, $"PUT actor {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return id;
    }

    /// <summary>Two new actors; <c>First</c> sorts before <c>Second</c>, so the canonical id is <c>First~Second</c>.</summary>
    protected async Task<(string First, string Second)> CreateRelationAsync()
    {
        var a = await CreateActorAsync(NewActorId("AAA"));
        var b = await CreateActorAsync(NewActorId("BBB"));
        return (a, b);
    }

    protected static object Development(string type, string occurredOn, string actor, string significance = "normal",
        string summary = "A development", string? agreement = null, string? title = null, object? mission = null) =>
        new Dictionary<string, object?>
        {
            ["type"] = type,
            ["occurredOn"] = occurredOn,
            ["actor"] = actor,
            ["summary"] = summary,
            ["significance"] = significance,
            ["sources"] = new[] { new { url = "https://example.org/report", publisher = "Example News" } },
            ["agreement"] = agreement,
            ["title"] = title,
            ["mission"] = mission,
        }.Where(x => x.Value is not null).ToDictionary(x => x.Key, x => x.Value);

    protected Task<HttpResponseMessage> PostJsonAsync(string url, object body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, url, JsonContent.Create(body), headers);

    protected Task<HttpResponseMessage> PostRawAsync(string url, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, url, new StringContent(body, Encoding.UTF8, contentType), headers);

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Client.SendAsync(request);
    }

    /// <summary>Records a development and returns the 201 answer's body.</summary>
    protected async Task<JsonObject> RecordAsync(string a, string b, object development)
    {
        var response = await PostJsonAsync($"/api/relations/{a}/{b}/developments", development);
        await ExpectStatusAsync(response, HttpStatusCode.Created);
        return (await ReadJsonAsync(response)).AsObject();
    }

    // Imports (docs/import.md)

    protected static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, byte[] file, string query)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync($"/api/imports{query}", content);
    }

    /// <summary>Posts the file and waits for the import to finish; its final state.</summary>
    protected static async Task<JsonObject> ImportAsync(HttpClient client, byte[] file, string query)
    {
        var response = await PostImportAsync(client, file, query);
        await ExpectStatusAsync(response, HttpStatusCode.Accepted);
        return await WaitAsync(client, response.Headers.Location!.OriginalString);
    }

    protected static async Task<JsonObject> WaitAsync(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var state = await GetJsonOnAsync(client, location);
            if (state["status"]!.GetValue<string>() != "running") return state;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The import did not finish: {state.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Every development of a relation's timeline, page after page (api.md, "Paging").</summary>
    protected static async Task<List<JsonNode>> AllDevelopmentsAsync(HttpClient client, string relationPath)
    {
        var all = new List<JsonNode>();
        string? url = $"/api/relations/{relationPath}/developments";
        while (url is not null)
        {
            var page = await GetJsonOnAsync(client, url);
            all.AddRange(page["developments"]!.AsArray().Select(d => d!));
            url = page["next"]?.GetValue<string>();
        }
        return all;
    }

    protected static async Task<JsonObject> GetJsonOnAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await ExpectStatusAsync(response, HttpStatusCode.OK);
        return (await ReadJsonAsync(response)).AsObject();
    }

    protected static async Task<JsonArray> GetJsonArrayOnAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await ExpectStatusAsync(response, HttpStatusCode.OK);
        return (await ReadJsonAsync(response)).AsArray();
    }

    protected Task<JsonArray> GetJsonArrayAsync(string url) => GetJsonArrayOnAsync(Client, url);

    /// <summary>How many events the host's database holds (but Marten's tombstones).</summary>
    protected static async Task<long> EventCountOnAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host)
    {
        var store = (Marten.IDocumentStore)host.Services.GetService(typeof(Marten.IDocumentStore))!;
        await using var session = store.QuerySession();
        return (await session.QueryAsync<long>("select count(*) from tracker.mt_events where stream_id <> 'mt_tombstone'"))[0];
    }

    protected static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    protected Task<JsonObject> GetJsonAsync(string url) => GetJsonOnAsync(Client, url);

    protected static async Task ExpectStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            Assert.Fail($"Expected {(int)expected} {expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A problem details answer with the status and, for 400, an error on each named field.</summary>
    protected static async Task<JsonObject> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        await ExpectStatusAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await ReadJsonAsync(response)).AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        foreach (var field in fields)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field),
                $"Expected an error on '{field}', got: {problem.ToJsonString()}");
        }
        return problem;
    }
}
