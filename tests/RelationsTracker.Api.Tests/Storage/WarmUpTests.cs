using System.Net;
using System.Net.Http.Json;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>/health/ready waits for the service to have made its first reads (Storage/WarmUp).</summary>
public class WarmUpTests(TrackerApp app) : TrackerTest(app)
{
    private static readonly Dictionary<string, string> InformationFromWarmUp = new() { ["Logging:LogLevel:RelationsTracker.Api.Storage.WarmUp"] = "Information" };

    [Fact]
    public async Task A_started_service_is_ready_only_after_reading_its_first_relation_through_its_own_routes()
    {
        await using var tracker = await TrackerProcess.StartAsync(await App.CreateDatabaseAsync(), InformationFromWarmUp);
        var client = tracker.CreateClient();
        foreach (var actor in new[] { "AAA", "BBB" })
            (await client.PutAsJsonAsync($"/api/actors/{actor}", new { name = actor })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/relations/AAA/BBB/developments", Development("Aid", "2025-01-01", "AAA"))).EnsureSuccessStatusCode();
        await tracker.StopAsync(within: TimeSpan.FromSeconds(10));

        await tracker.StartAgainAsync();

        // Ready (StartAgainAsync waited for it) means warmed: the warm-up logged its end before readiness said so.
        Assert.Contains(tracker.Output, line => line.Contains("Warmed up in", StringComparison.Ordinal));
        Assert.DoesNotContain(tracker.Output, line => line.Contains("did not finish", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await tracker.CreateClient().GetAsync("/api/relations/AAA/BBB")).StatusCode);
    }
}
