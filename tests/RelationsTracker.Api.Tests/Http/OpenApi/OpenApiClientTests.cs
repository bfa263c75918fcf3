using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Client;

namespace RelationsTracker.Api.Tests.OpenApi;

/// <summary>The typed client generated from the document: it is current, it compiles (it is in the solution), it works.</summary>
public class OpenApiClientTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task The_committed_client_is_generated_from_the_current_document()
    {
        var document = TypedClient.Normalize(await Client.GetStringAsync("/openapi/v1.json"));
        var client = await TypedClient.GenerateAsync(document);
        var documentPath = TypedClient.PathInRepository(TypedClient.DocumentFile);
        var clientPath = TypedClient.PathInRepository(TypedClient.ClientFile);

        if (Environment.GetEnvironmentVariable(TypedClient.RegenerateVariable) == "1")
        {
            await File.WriteAllTextAsync(documentPath, document);
            await File.WriteAllTextAsync(clientPath, client);
            return;
        }

        var stale = new List<string>();
        if (!File.Exists(documentPath) || TypedClient.Normalize(await File.ReadAllTextAsync(documentPath)) != document) stale.Add(TypedClient.DocumentFile);
        if (!File.Exists(clientPath) || TypedClient.Normalize(await File.ReadAllTextAsync(clientPath)) != client) stale.Add(TypedClient.ClientFile);
        Assert.True(stale.Count == 0,
            $"{string.Join(" and ", stale)} no longer match(es) what the API serves at /openapi/v1.json. " +
            "If the API change is intended, run scripts/regenerate-client.sh and commit the result.");
    }

    [Fact]
    public async Task The_generated_client_records_a_development_and_reads_the_relation_through_the_real_API()
    {
        // The test host's HttpClient: in-memory server as base address, X-Api-Key for writes.
        var tracker = new TrackerClient(Client);
        var a = NewActorId("AAA");
        var b = NewActorId("BBB");
        await tracker.PutActorAsync(a, new PutActorBody { Name = "Türkiye" });
        await tracker.PutActorAsync(b, new PutActorBody { Name = "Libya (east)", Description = "The eastern authorities" });

        var recorded = await tracker.RecordDevelopmentAsync(b, a, new RecordDevelopmentBody
        {
            Type = RecordDevelopmentBodyType.OfficialVisit,
            OccurredOn = "2025-04-04",
            Actor = b,
            Summary = "An official visit to Ankara",
            Significance = RecordDevelopmentBodySignificance.High,
            Sources = [new SourceBody { Url = "https://example.org/article", Publisher = "Example News", Language = "ar" }],
        }, idempotency_Key: Guid.NewGuid().ToString());
        Assert.Equal($"{a}~{b}", recorded.Relation);

        var state = await tracker.GetRelationStateAsync(a, b, asOf: new DateOnly(2025, 4, 4), knownAt: recorded.RecordedAt);
        Assert.Equal(recorded.Relation, state.Relation);
        Assert.Equal(recorded.Version, state.Version);
        Assert.Equal(1, state.DevelopmentCount);
        Assert.Equal(recorded.Id, Assert.Single(state.TopContributors).Id);
        Assert.True(state.Score > 0, $"an official visit of high significance warms the relation, not {state.Score}");

        var timeline = await tracker.GetTimelineAsync(a, b);
        Assert.Equal(DevelopmentViewSignificance.High, Assert.Single(timeline.Developments).Significance);

        // Problems come back as typed exceptions carrying the problem details.
        var notFound = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => tracker.GetRelationStateAsync(a, NewActorId("CCC")));
        Assert.Equal(404, notFound.StatusCode);
        var invalid = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => tracker.GetRelationStateAsync(a, b, halfLifeDays: 0));
        Assert.Contains("halfLifeDays", invalid.Result!.Errors!.Keys);
    }
}
