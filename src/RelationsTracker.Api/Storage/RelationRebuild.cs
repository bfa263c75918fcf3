using System.Diagnostics;
using Marten;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// Rebuilds one relation's documents (its <see cref="Relation"/> and its developments') from its stream alone, in one
/// transaction that holds the stream's row, so no write to the relation lands in between: what a full rebuild would
/// make of them, without rebuilding every relation (docs/operations.md).
/// </summary>
public static class RelationRebuild
{
    public static async Task<RelationRebuilt> RunAsync(IDocumentStore store, RelationId relation, CancellationToken ct)
    {
        var key = relation.ToString();
        var start = Stopwatch.GetTimestamp();
        // An operator's command over a whole stream: at a million developments its statements outlast the 30 s default.
        await using var session = store.LightweightSession(new Marten.Services.SessionOptions { Timeout = (int)TimeSpan.FromMinutes(30).TotalSeconds });
        await session.BeginTransactionAsync(ct);
        // Appends take the same row (UseExclusiveLockOnConcurrentAppends): a writer waits for the rebuild, then decides.
        await session.QueryAsync<int>($"select 1 from {store.Options.Events.DatabaseSchemaName}.mt_streams where id = ? for update", ct, key);
        // Read side by side, each on a connection of its own: no write can change them while the row is held.
        var eventsRead = RelationEvents.ReadAsync(store, key, ct);
        var stored = await DocumentDigests.OfRelationAsync(store, key, ct);
        var events = await eventsRead;
        var read = Stopwatch.GetElapsedTime(start);

        Relation? state = null;
        var developments = new Dictionary<Guid, Development>();
        foreach (var (data, timestamp, version) in events)
        {
            if (data is not IDevelopmentEvent change) continue;
            state = Relation.Fold(state, key, data, timestamp, version);
            developments.TryGetValue(change.DevelopmentId, out var current);
            if (Development.Evolve(current, key, data, timestamp, version) is { } next) developments[change.DevelopmentId] = next;
        }
        var folded = Stopwatch.GetElapsedTime(start);
        // Documents the fold makes as they already are stay untouched: most are, and rewriting every row of a large
        // relation, or having PostgreSQL parse and compare each, cost more than the fold. Those it does not make go.
        var serializer = store.Options.Serializer();
        var changed = developments.Values.AsParallel()
            .Where(d => !(stored.TryGetValue(d.Id, out var digest) && DocumentDigests.IsStoredAs(serializer, d, digest))).ToList();
        var gone = stored.Keys.Where(id => !developments.ContainsKey(id)).ToArray();
        if (gone.Length > 0) session.DeleteWhere<Development>(d => d.Id.IsOneOf(gone));
        TimelineSnapshots.QueueForget(session, key);
        if (state is null) session.Delete<Relation>(key);
        else session.Store(state);
        if (changed.Count > 0) DevelopmentDocuments.Queue(session, DevelopmentDocuments.TableOf(store), changed);
        await session.SaveChangesAsync(ct);
        return new RelationRebuilt(events.Count, developments.Count, changed.Count, read, folded - read, Stopwatch.GetElapsedTime(start) - folded);
    }
}
