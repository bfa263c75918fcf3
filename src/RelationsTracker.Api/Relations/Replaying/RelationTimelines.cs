using System.Collections.Concurrent;
using System.Collections.Immutable;
using Marten;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>
/// Keeps each relation's timeline in memory and brings it up to date on every read with one indexed query
/// for the developments changed since the version it holds. Many nodes may write: a read never trusts the
/// cache without asking the store what changed, so it is never stale.
/// </summary>
public sealed class RelationTimelines
{
    /// <summary>Beyond this many developments held, the relations read least recently are forgotten (and reloaded when read).</summary>
    public const int MaxDevelopmentsHeld = 2_000_000;

    private readonly ConcurrentDictionary<string, Entry> _timelines = new(StringComparer.Ordinal);
    private long _clock;

    private sealed record Entry(RelationTimeline Timeline)
    {
        public long LastUsed;
    }

    /// <summary>The relation's developments recorded or changed after its version <paramref name="since"/>: answered from their one index (EventStore).</summary>
    public static IQueryable<Development> ChangedSince(IQuerySession session, string relation, long since) =>
        session.Query<Development>().Where(d => d.Relation == relation && d.LastVersion > since);

    public async Task<RelationTimeline> GetAsync(IQuerySession session, RelationId relation, CancellationToken ct)
    {
        var key = relation.ToString();
        var cached = _timelines.GetValueOrDefault(key);
        if (cached is not null) cached.LastUsed = Interlocked.Increment(ref _clock);
        var timeline = cached?.Timeline ?? RelationTimeline.Empty(relation);
        var since = timeline.Version;
        var changed = await ChangedSince(session, key, since).ToListAsync(ct);
        if (changed.Count == 0) return timeline;

        var updated = new Entry(timeline.With(changed)) { LastUsed = Interlocked.Increment(ref _clock) };
        var kept = _timelines.AddOrUpdate(key, updated, (_, current) => current.Timeline.Version >= updated.Timeline.Version ? current : updated);
        Trim();
        return kept.Timeline;
    }

    /// <summary>Forgets every timeline (after a projection rebuild the documents are new).</summary>
    public void Clear() => _timelines.Clear();

    private void Trim()
    {
        var held = _timelines.Values.Sum(e => (long)e.Timeline.Count);
        if (held <= MaxDevelopmentsHeld) return;
        foreach (var (key, entry) in _timelines.OrderBy(x => x.Value.LastUsed).ToList())
        {
            if (held <= MaxDevelopmentsHeld) break;
            if (_timelines.TryRemove(key, out _)) held -= entry.Timeline.Count;
        }
    }
}
