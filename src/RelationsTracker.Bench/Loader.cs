using System.Diagnostics;
using System.Net.Http.Json;
using Marten;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

public static class Loader
{
    /// <summary>Waits until the daemon's notification subscription has processed every event appended so far.</summary>
    public static async Task<TimeSpan> WaitForNotificationsAsync(IDocumentStore store)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromMinutes(30))
        {
            await using var session = store.QuerySession();
            var behind = await session.QueryAsync<long>(
                "select coalesce((select max(seq_id) from tracker.mt_events), 0) - coalesce((select last_seq_id from tracker.mt_event_progression where name like 'Notifications%'), 0)");
            if (behind[0] <= 0) return stopwatch.Elapsed;
            await Task.Delay(250);
        }
        throw new TimeoutException("The notification subscription did not catch up in 30 minutes");
    }

    public static async Task<RelationId> CreateRelationAsync(IDocumentStore store, HttpClient http, string a, string b)
    {
        foreach (var id in new[] { a, b })
            (await http.PutAsJsonAsync($"/api/actors/{id}", new { name = $"Bench actor {id}" })).EnsureSuccessStatusCode();
        return RelationId.Of(a, b);
    }

    /// <summary>
    /// Appends through Marten in batches, with the API's own store options, so the inline projections
    /// build exactly the documents the API would. Recorded times are distinct and increasing.
    /// </summary>
    public static async Task<TimeSpan> LoadAsync(IDocumentStore store, RelationId relation, int count, int seed)
    {
        var random = new Random(seed);
        var stopwatch = Stopwatch.StartNew();
        var recordedAt = DateTimeOffset.UtcNow.AddDays(-1);
        recordedAt = new DateTimeOffset(recordedAt.Ticks - recordedAt.Ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
        const int batch = 1000;
        for (var done = 0; done < count; done += batch)
        {
            await using var session = store.IdentitySession();
            var events = Enumerable.Range(0, Math.Min(batch, count - done))
                .SelectMany(_ => Generator.Event(random, relation) is var e && Generator.Report(random, e.DevelopmentId) is { } report ? new object[] { e, report } : [e])
                .ToArray();
            // With the expected version known, Marten gives inline projections each event's version.
            var known = await session.LoadAsync<RelationsTracker.Relations.Relation>(relation.ToString());
            var action = session.Events.Append(relation.ToString(), (known?.StreamVersion ?? 0) + events.Length, events);
            foreach (var e in action.Events)
            {
                recordedAt = recordedAt.AddTicks(TimeSpan.TicksPerMicrosecond);
                e.Timestamp = recordedAt;
            }
            await session.SaveChangesAsync();
        }
        // What autovacuum does within a minute or so of a load: without statistics PostgreSQL guesses that a
        // range condition matches a fifth of the table, and the daemon's gap check (seq_id >= the last mark)
        // then scans the whole event table on every append instead of reading the few newest rows.
        await AnalyzeAsync(store);
        return stopwatch.Elapsed;
    }

    public static async Task AnalyzeAsync(IDocumentStore store)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var analyze = new Npgsql.NpgsqlCommand("analyze", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
