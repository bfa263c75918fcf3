using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Tests;

/// <summary>Server-Sent Events through the whole pipeline: HTTP write, Marten, the daemon's subscription, the feed.</summary>
public class NotificationTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task A_stream_answers_at_once_as_an_unbuffered_uncached_event_stream()
    {
        await using var sse = await SseClient.ConnectAsync(Client, "/api/notifications");

        Assert.Equal(200, sse.Status);
        Assert.Equal("text/event-stream", sse.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no", Assert.Single(sse.Response.Headers.GetValues("X-Accel-Buffering")));
        Assert.True(sse.Response.Headers.CacheControl!.NoCache);
    }

    [Fact]
    public async Task A_client_gets_each_recording_retraction_and_correction_of_its_relation_in_order()
    {
        var (a, b) = await CreateRelationAsync();
        var (c, d) = await CreateRelationAsync();
        await using var sse = await SseClient.ConnectAsync(Client, $"/api/notifications?relation={b}~{a}");
        Assert.Equal(200, sse.Status);

        var first = await RecordAsync(a, b, Development("Consultation", "2025-01-10", a));
        await RecordAsync(c, d, Development("Consultation", "2025-01-10", c)); // another relation: filtered out
        var id = first["id"]!.GetValue<string>();
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/correction", new { reason = "r", summary = "Talks" }), HttpStatusCode.Created);
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/retraction", new { reason = "r" }), HttpStatusCode.Created);

        var messages = await sse.TakeAsync(3);
        Assert.Equal(["development-recorded", "development-corrected", "development-retracted"], messages.Select(m => m.Event));
        Assert.All(messages, m => Assert.Equal($"{a}~{b}", m.Data["relation"]!.GetValue<string>()));
        Assert.All(messages, m => Assert.Equal(id, m.Data["developmentId"]!.GetValue<string>()));
        Assert.Equal(messages.Select(m => m.Id).Order(), messages.Select(m => m.Id));
        // The score as of the day it was recorded, counting the consultation (weight 1.0, normal).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expected = WarmingScore.RoundScore(WarmingScore.Score(WarmingScore.Contribution(1.0, new DateOnly(2025, 1, 10), today, 180)));
        Assert.Equal(expected, messages[0].Data["score"]!.GetValue<decimal>());
        Assert.Equal("neutral", messages[0].Data["phase"]!.GetValue<string>());
        Assert.Equal("Consultation", messages[0].Data["type"]!.GetValue<string>());
        Assert.Equal("2025-01-10", messages[0].Data["occurredOn"]!.GetValue<string>());
        await sse.ExpectNothingAsync(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task The_kinds_filter_keeps_only_the_named_kinds_and_a_phase_change_is_its_own_notification()
    {
        var (a, b) = await CreateRelationAsync();
        await using var sse = await SseClient.ConnectAsync(Client, $"/api/notifications?relation={a}~{b}&kinds=phase-changed");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");

        // Armed conflict today, high: −15 → raw −15, score −53.7: neutral → hostile.
        await RecordAsync(a, b, Development("ArmedConflict", today, a, "high"));
        await RecordAsync(a, b, Development("Statement", today, a));

        var change = Assert.Single(await sse.TakeAsync(1));
        Assert.Equal("phase-changed", change.Event);
        Assert.Equal("neutral", change.Data["previousPhase"]!.GetValue<string>());
        Assert.Equal("hostile", change.Data["phase"]!.GetValue<string>());
        Assert.Equal(1, change.Id % 2);
        await sse.ExpectNothingAsync(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task A_late_record_or_correction_that_changes_a_past_days_phase_is_a_phase_revised_notification()
    {
        var (a, b) = await CreateRelationAsync();
        await using var sse = await SseClient.ConnectAsync(Client, $"/api/notifications?relation={a}~{b}&kinds=phase-revised");

        // An armed conflict of 2025-01-01, high, recorded today: that day turns from neutral to hostile (score −53.7),
        // while today, long after, it has decayed to neutral: a revision of the past, not a change of today's phase.
        var conflict = await RecordAsync(a, b, Development("ArmedConflict", "2025-01-01", a, "high"));
        var revised = Assert.Single(await sse.TakeAsync(1));
        Assert.Equal("phase-revised", revised.Event);
        Assert.Equal("2025-01-01", revised.Data["asOf"]!.GetValue<string>());
        Assert.Equal("neutral", revised.Data["previousPhase"]!.GetValue<string>());
        Assert.Equal("hostile", revised.Data["phase"]!.GetValue<string>());
        // The same two phases under the names scoring.md gives them.
        Assert.Equal(("neutral", "hostile"), (revised.Data["before"]!.GetValue<string>(), revised.Data["after"]!.GetValue<string>()));
        Assert.Equal(conflict["id"]!.ToString(), revised.Data["developmentId"]!.ToString());
        Assert.Equal(conflict["recordedAt"]!.GetValue<DateTime>(), revised.Data["recordedAt"]!.GetValue<DateTime>());

        // A correction that moves it to 2025-03-01 revises both days: the old one back to neutral, the new one from strained
        // (the January conflict, 59 days on: −15 × 2^(−59/180) = −11.95, score −44.5) to hostile.
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{conflict["id"]}/correction",
            new { reason = "It was in March", occurredOn = "2025-03-01" }), System.Net.HttpStatusCode.Created);
        var both = await sse.TakeAsync(2);
        Assert.Equal([("2025-01-01", "hostile", "neutral"), ("2025-03-01", "strained", "hostile")],
            both.Select(n => (n.Data["asOf"]!.GetValue<string>(), n.Data["previousPhase"]!.GetValue<string>(), n.Data["phase"]!.GetValue<string>())).Order());

        // A statement (weight 0) of a past day revises nothing.
        await RecordAsync(a, b, Development("Statement", "2025-03-01", a));
        await sse.ExpectNothingAsync(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task A_client_that_reconnects_with_Last_Event_ID_gets_every_missed_notification_once_then_live_ones()
    {
        var (a, b) = await CreateRelationAsync();
        long lastSeen;
        // The recordings only: developments of past days may also revise those days' phases (phase-revised).
        const string recordings = "&kinds=development-recorded";
        await using (var sse = await SseClient.ConnectAsync(Client, $"/api/notifications?relation={a}~{b}{recordings}"))
        {
            for (var i = 1; i <= 3; i++) await RecordAsync(a, b, Development("Consultation", $"2024-01-0{i}", a));
            lastSeen = (await sse.TakeAsync(3))[^1].Id;
        }

        // A burst while disconnected.
        var missed = await Task.WhenAll(Enumerable.Range(1, 25).Select(i => PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Aid", $"2024-02-{i:D2}", b))));
        Assert.All(missed, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        await using var resumed = await SseClient.ConnectAsync(Client, $"/api/notifications?relation={a}~{b}{recordings}", lastEventId: lastSeen);
        var replayed = await resumed.TakeAsync(25);
        Assert.All(replayed, m => Assert.True(m.Id > lastSeen));
        Assert.Equal(25, replayed.Select(m => m.Id).Distinct().Count());
        Assert.Equal(replayed.Select(m => m.Id).Order(), replayed.Select(m => m.Id));
        var ids = new HashSet<string>();
        foreach (var r in missed) ids.Add((await ReadJsonAsync(r))["id"]!.GetValue<string>());
        Assert.Equal(ids.Order(), replayed.Select(m => m.Data["developmentId"]!.GetValue<string>()).Order());

        await RecordAsync(a, b, Development("Aid", "2024-03-01", b));
        var live = Assert.Single(await resumed.TakeAsync(1));
        Assert.True(live.Id > replayed[^1].Id);
        await resumed.ExpectNothingAsync(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task A_replay_is_bounded_per_request_and_the_client_resumes_where_it_ended()
    {
        await using var host = TrackerApp.HostOn(App.ConnectionString, settings: new Dictionary<string, string> { ["Tracker:Notifications:MaxReplay"] = "4" });
        var client = TrackerApp.ClientFor(host);
        var (a, b) = await CreateRelationAsync();
        long start;
        // The recordings only: developments of past days may also revise those days' phases (phase-revised).
        const string recordings = "&kinds=development-recorded";
        await using (var sse = await SseClient.ConnectAsync(client, $"/api/notifications?relation={a}~{b}{recordings}"))
        {
            await RecordAsync(a, b, Development("Consultation", "2024-01-01", a));
            start = (await sse.TakeAsync(1))[0].Id;
        }
        for (var i = 1; i <= 10; i++) await RecordAsync(a, b, Development("Aid", $"2024-02-{i:D2}", b));
        // The replays below are of stored notifications: wait until the daemon has made all ten (on a loaded machine it
        // may lag a write by more than the second each replay below is given).
        await SseClient.CatchUpAsync(Client, $"/api/notifications?relation={a}~{b}{recordings}", start, 10, TimeSpan.FromSeconds(60));

        var received = new List<SseMessage>();
        long? resumeFrom = start;
        for (var connection = 0; connection < 50 && received.Count < 10; connection++)
        {
            await using var sse = await SseClient.ConnectAsync(client, $"/api/notifications?relation={a}~{b}{recordings}", lastEventId: resumeFrom);
            if (connection == 0)
            {
                // Bounded: the first request reads 4 stored notifications at most, then ends.
                await sse.Ended.WaitAsync(TimeSpan.FromSeconds(10));
            }
            else await Task.WhenAny(sse.Ended, Task.Delay(1000));
            received.AddRange(sse.TakeAvailable());
            Assert.True(sse.LastEventId > resumeFrom, "each request moves the client on");
            resumeFrom = sse.LastEventId;
        }
        Assert.Equal(10, received.Count);
        Assert.Equal(received.Select(m => m.Id).Distinct().Order(), received.Select(m => m.Id));
    }

    [Fact]
    public async Task Many_clients_each_get_every_notification()
    {
        var (a, b) = await CreateRelationAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SseClient.ConnectAsync(Client, $"/api/notifications?relation={a}~{b}")));
        try
        {
            for (var i = 1; i <= 5; i++) await RecordAsync(a, b, Development("Negotiation", $"2023-0{i}", a));
            foreach (var sse in clients) Assert.Equal(5, (await sse.TakeAsync(5)).Select(m => m.Id).Distinct().Count());
        }
        finally
        {
            foreach (var sse in clients) await sse.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("?relation=TUR", "relation")]
    [InlineData("?relation=TUR~TUR", "relation")]
    [InlineData("?kinds=development-recorded,visit", "kinds")]
    [InlineData("?kinds=", "kinds")]
    [InlineData("?lastEventId=abc", "Last-Event-ID")]
    [InlineData("?lastEventId=-1", "Last-Event-ID")]
    public async Task Bad_parameters_are_a_400(string query, string field)
    {
        await ExpectProblemAsync(await Client.GetAsync($"/api/notifications{query}"), HttpStatusCode.BadRequest, field);
    }
}
