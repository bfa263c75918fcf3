using System.Net.Http.Json;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>Two API processes on one database: notifications from either, and the daemon's work moving when its node dies.</summary>
public class FailoverTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task When_the_first_node_is_killed_the_second_takes_over_making_notifications()
    {
        var database = await App.CreateDatabaseAsync();
        await using var first = await TrackerProcess.StartAsync(database);
        await using var second = await TrackerProcess.StartAsync(database);
        var one = first.CreateClient();
        var two = second.CreateClient();
        foreach (var actor in new[] { "AAA", "BBB" })
            (await one.PutAsJsonAsync($"/api/actors/{actor}", new { name = actor })).EnsureSuccessStatusCode();

        await using var sse = await SseClient.ConnectAsync(two, "/api/notifications?kinds=development-recorded");
        (await one.PostAsJsonAsync("/api/relations/AAA/BBB/developments", Development("Aid", "2025-01-01", "AAA"))).EnsureSuccessStatusCode();
        var beforeKill = Assert.Single(await sse.TakeAsync(1));

        await first.KillAsync();
        (await two.PostAsJsonAsync("/api/relations/AAA/BBB/developments", Development("Aid", "2025-01-02", "AAA"))).EnsureSuccessStatusCode();
        var afterKill = Assert.Single(await sse.TakeAsync(1, TimeSpan.FromSeconds(60)));
        Assert.True(afterKill.Id > beforeKill.Id);
        await sse.ExpectNothingAsync(TimeSpan.FromSeconds(1));
    }
}
