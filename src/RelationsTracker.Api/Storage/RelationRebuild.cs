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
        var events = await session.Events.FetchStreamAsync(key, token: ct);
        var read = Stopwatch.GetElapsedTime(start);

        Relation? state = null;
        var developments = new Dictionary<Guid, Development>();
        foreach (var e in events)
        {
            if (e.Data is not IDevelopmentEvent change) continue;
            state = Relation.Fold(state, key, e.Data, e.Timestamp, e.Version);
            developments.TryGetValue(change.DevelopmentId, out var current);
            if (Development.Evolve(current, key, e.Data, e.Timestamp, e.Version) is { } next) developments[change.DevelopmentId] = next;
        }
        var folded = Stopwatch.GetElapsedTime(start);
        // Documents the fold makes as they already are stay untouched: most are, and rewriting every row of a large
        // relation cost more than the fold. Documents of the relation the fold does not make go.
        var ids = developments.Keys.ToArray();
        session.DeleteWhere<Development>(d => d.Relation == key && !d.Id.IsOneOf(ids));
        TimelineSnapshots.QueueForget(session, key);
        if (state is null) session.Delete<Relation>(key);
        else session.Store(state);
        if (developments.Count > 0) DevelopmentDocuments.Queue(session, DevelopmentDocuments.TableOf(store), developments.Values, onlyChanged: true);
        await session.SaveChangesAsync(ct);
        return new RelationRebuilt(events.Count, developments.Count, read, folded - read, Stopwatch.GetElapsedTime(start) - folded);
    }
}
