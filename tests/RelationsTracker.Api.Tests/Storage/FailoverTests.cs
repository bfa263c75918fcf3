using System.Net.Http.Json;
using Npgsql;
using RelationsTracker.Api.Notifications;
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

    [Fact]
    public async Task Webhook_deliveries_in_flight_on_a_killed_node_are_made_by_the_other_node()
    {
        var database = await App.CreateDatabaseAsync();
        await using var first = await TrackerProcess.StartAsync(Named(database, "node-one"));
        await using var second = await TrackerProcess.StartAsync(Named(database, "node-two"));
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = second.CreateClient();
        foreach (var actor in new[] { "AAA", "BBB" })
            (await client.PutAsJsonAsync($"/api/actors/{actor}", new { name = actor })).EnsureSuccessStatusCode();
        var subscribed = await client.PostAsJsonAsync("/api/subscriptions", new { callbackUrl = receiver.Url, secret = "a secret", kinds = new[] { "development-recorded" } });
        subscribed.EnsureSuccessStatusCode();
        var subscription = (await subscribed.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();

        // The node running the daemon makes the deliveries; the receiver holds them open while it is killed.
        receiver.Hold = true;
        for (var i = 1; i <= 3; i++)
            (await client.PostAsJsonAsync("/api/relations/AAA/BBB/developments", Development("Aid", $"2025-01-0{i}", "AAA"))).EnsureSuccessStatusCode();
        await WaitUntilAsync(() => receiver.Held.Distinct().Count() == 3, TimeSpan.FromSeconds(30), "3 deliveries to arrive");
        var leader = await DaemonLeaderAsync(database);
        receiver.Hold = false;
        await (leader == "node-one" ? first : second).KillAsync();
        var survivor = leader == "node-one" ? second : first;

        // Wolverine ejects the dead node and the survivor makes the deliveries it owned, each once as delivered.
        foreach (var id in receiver.Held.Distinct().ToList())
            await receiver.WaitForAsync(d => d.DeliveryId == id && d.AnsweredWith == 200, TimeSpan.FromSeconds(30));
        // The survivor records a delivery as delivered just after the receiver has answered it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        System.Text.Json.Nodes.JsonArray deliveries;
        do
        {
            var log = await survivor.CreateClient().GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/subscriptions/{subscription}");
            deliveries = log!["deliveries"]!.AsArray();
            if (deliveries.All(d => d!["status"]!.GetValue<string>() == "delivered")) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(3, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("delivered", d!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_daemons_leader_holds_its_lock_without_holding_back_vacuum()
    {
        var database = await App.CreateDatabaseAsync();
        await using var node = await TrackerProcess.StartAsync(database);
        var client = node.CreateClient();
        foreach (var actor in new[] { "AAA", "BBB" })
            (await client.PutAsJsonAsync($"/api/actors/{actor}", new { name = actor })).EnsureSuccessStatusCode();
        await using var sse = await SseClient.ConnectAsync(client, "/api/notifications?kinds=development-recorded");
        (await client.PostAsJsonAsync("/api/relations/AAA/BBB/developments", Development("Aid", "2025-01-01", "AAA"))).EnsureSuccessStatusCode();
        Assert.Single(await sse.TakeAsync(1)); // the daemon runs: its leader holds the lock
        await Task.Delay(TimeSpan.FromSeconds(3));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // The leader: one session holding Marten's daemon lock (a session-level advisory lock), idle, in no transaction.
        await using (var leader = new NpgsqlCommand(
            "select a.state, a.backend_xmin is null from pg_locks l join pg_stat_activity a on a.pid = l.pid " +
            "where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database()) " +
            "and l.objid = @key", connection))
        {
            leader.Parameters.AddWithValue("key", (long)NotificationSubscription.DaemonLockKey);
            await using var reader = await leader.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "no session of the database holds the daemon's advisory lock");
            Assert.Equal("idle", reader.GetString(0));
            Assert.True(reader.GetBoolean(1), "the lock's session holds a snapshot");
            Assert.False(await reader.ReadAsync(), "more than one session holds the daemon's lock");
        }
        // Nobody keeps a snapshot for seconds: VACUUM and HOT pruning can remove the dead row versions every
        // write leaves (a transaction-scoped lock would keep one for the leader's whole life; docs/operations.md says why that hurts).
        await using var pinned = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() " +
            "and backend_xmin is not null and xact_start < now() - interval '2 seconds'", connection);
        Assert.Equal(0L, (long)(await pinned.ExecuteScalarAsync())!);
    }

    private static string Named(string database, string node) =>
        new NpgsqlConnectionStringBuilder(database) { ApplicationName = node }.ConnectionString;

    /// <summary>The application name of the session holding the daemon's lock .</summary>
    private static async Task<string> DaemonLeaderAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted " +
            "and l.database = (select oid from pg_database where datname = current_database()) and l.objid = @key", connection);
        command.Parameters.AddWithValue("key", (long)NotificationSubscription.DaemonLockKey);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited {within.TotalSeconds} s for {what}");
            await Task.Delay(50);
        }
    }
}
