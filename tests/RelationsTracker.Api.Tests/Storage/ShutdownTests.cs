using System.Net.Http.Json;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>Stopping the service (SIGTERM, Ctrl+C) while clients follow notifications.</summary>
public class ShutdownTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task A_stop_with_streams_open_ends_them_at_once_and_the_clients_resume_by_Last_Event_ID()
    {
        await using var tracker = await TrackerProcess.StartAsync(await App.CreateDatabaseAsync());
        var client = tracker.CreateClient();
        foreach (var actor in new[] { "AAA", "BBB" })
            (await client.PutAsJsonAsync($"/api/actors/{actor}", new { name = actor })).EnsureSuccessStatusCode();
        var streams = new List<SseClient>();
        for (var i = 0; i < 5; i++) streams.Add(await SseClient.ConnectAsync(client, "/api/notifications?kinds=development-recorded"));
        (await client.PostAsJsonAsync("/api/relations/AAA/BBB/developments", Development("Aid", "2025-01-01", "AAA"))).EnsureSuccessStatusCode();
        var seen = new List<long>();
        foreach (var stream in streams) seen.Add(Assert.Single(await stream.TakeAsync(1)).Id);

        // Open streams no longer hold the host for its 30 s shutdown timeout: the stop ends them and the process exits.
        var took = await tracker.StopAsync(within: TimeSpan.FromSeconds(10));
        Assert.True(took < TimeSpan.FromSeconds(2), $"the service took {took.TotalSeconds:N1} s to stop with {streams.Count} streams open");
        Assert.Equal(0, tracker.ExitCode);
        foreach (var stream in streams) await stream.Ended.WaitAsync(TimeSpan.FromSeconds(5));

        await tracker.StartAgainAsync();
        client = tracker.CreateClient();
        await using var resumed = await SseClient.ConnectAsync(client, "/api/notifications?kinds=development-recorded", lastEventId: seen[0]);
        (await client.PostAsJsonAsync("/api/relations/AAA/BBB/developments", Development("Aid", "2025-01-02", "AAA"))).EnsureSuccessStatusCode();
        var next = Assert.Single(await resumed.TakeAsync(1));
        Assert.True(next.Id > seen[0]);
        Assert.Equal("2025-01-02", next.Data["occurredOn"]!.GetValue<string>());
        await resumed.ExpectNothingAsync(TimeSpan.FromSeconds(1));
        foreach (var stream in streams) await stream.DisposeAsync();
    }
}
