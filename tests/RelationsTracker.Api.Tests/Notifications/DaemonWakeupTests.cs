using System.Net.Http.Json;
using Marten.Events.Daemon.HighWater;
using Npgsql;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>The NOTIFY by which an append wakes the daemon's leader (Marten's, on its own channel; its PostgresqlListenWakeup hears it).</summary>
public class DaemonWakeupTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task A_transaction_that_appends_events_notifies_the_daemon_and_one_that_stores_only_documents_does_not()
    {
        var (a, b) = await CreateRelationAsync();
        await using var listener = new NpgsqlConnection(App.ConnectionString);
        await listener.OpenAsync();
        var heard = 0;
        listener.Notification += (_, e) => { if (e.Channel == PostgresqlListenWakeup.DefaultChannel) Interlocked.Increment(ref heard); };
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresqlListenWakeup.DefaultChannel}", listener))
            await listen.ExecuteNonQueryAsync();

        // An actor is a document: nothing appended, nothing said.
        (await Client.PutAsJsonAsync($"/api/actors/{a}", new { name = "Renamed" })).EnsureSuccessStatusCode();
        await listener.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(0, heard);

        (await Client.PostAsJsonAsync($"/api/relations/{a}/{b}/developments", Development("OfficialVisit", "2025-01-01", a))).EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (heard == 0) await listener.WaitAsync(timeout.Token); // or the time-out fails the test
    }
}
