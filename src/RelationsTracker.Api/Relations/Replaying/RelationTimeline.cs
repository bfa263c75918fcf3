using System.Collections.Concurrent;
using System.Collections.Immutable;
using Marten;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>
/// Every development of one relation with its recorded history, as of one version of the relation's
/// stream. Immutable: a newer version is a new timeline. Answers "what was known at knownAt" as a
/// <see cref="TimelineIndex"/>: the one for the latest knowledge is built once and shared by every read;
/// a few for earlier knowledge are kept too, keyed by the last change they include, since every knownAt
/// between two changes knows the same.
/// </summary>
public sealed class RelationTimeline
{
    private const int PastIndexesKept = 8;

    private readonly ImmutableDictionary<Guid, Development> _developments;
    private readonly Lazy<TimelineIndex> _latest;
    private readonly Lazy<long[]> _changes;
    private readonly ConcurrentDictionary<long, TimelineIndex> _past = new();

    public RelationId Relation { get; }
    /// <summary>The stream version this timeline reflects (0: nothing recorded yet).</summary>
    public long Version { get; }
    /// <summary>The last moment of recorded time at which anything in the relation changed.</summary>
    public DateTimeOffset LastChangedAt { get; }

    private RelationTimeline(RelationId relation, ImmutableDictionary<Guid, Development> developments, long version, DateTimeOffset lastChangedAt)
    {
        Relation = relation;
        _developments = developments;
        Version = version;
        LastChangedAt = lastChangedAt;
        _latest = new Lazy<TimelineIndex>(() => TimelineIndex.Build(RelationScoring.KnownAt(_developments.Values, DateTimeOffset.MaxValue)));
        _changes = new Lazy<long[]>(() => _developments.Values
            .SelectMany(d => d.Corrections.Select(c => c.RecordedAt).Append(d.RecordedAt).Append(d.Retraction?.RecordedAt ?? d.RecordedAt))
            .Select(t => t.UtcTicks).Distinct().Order().ToArray());
    }

    public static RelationTimeline Empty(RelationId relation) => new(relation, ImmutableDictionary<Guid, Development>.Empty, 0, DateTimeOffset.MinValue);

    public IEnumerable<Development> Developments => _developments.Values;

    public int Count => _developments.Count;

    /// <summary>A newer timeline with these developments' histories replaced.</summary>
    public RelationTimeline With(IReadOnlyCollection<Development> changed)
    {
        if (changed.Count == 0) return this;
        var developments = _developments.SetItems(changed.Select(d => KeyValuePair.Create(d.Id, d)));
        return new RelationTimeline(Relation, developments,
            Math.Max(Version, changed.Max(d => d.LastVersion)),
            changed.Select(d => d.LastChangedAt).Append(LastChangedAt).Max());
    }

    /// <summary>The developments that count at knownAt (recorded, not retracted, corrected), indexed for reading.</summary>
    public TimelineIndex KnownAt(DateTimeOffset knownAt)
    {
        if (knownAt >= LastChangedAt) return _latest.Value;
        var changes = _changes.Value;
        var at = Array.BinarySearch(changes, knownAt.UtcTicks);
        var cut = at >= 0 ? changes[at] : ~at == 0 ? long.MinValue : changes[~at - 1];
        if (_past.TryGetValue(cut, out var index)) return index;
        if (_past.Count >= PastIndexesKept) _past.Clear();
        return _past[cut] = TimelineIndex.Build(RelationScoring.KnownAt(_developments.Values, knownAt));
    }

    public RelationReading Read(PointOfView view) => KnownAt(view.KnownAt).Read(view.AsOf, view.HalfLifeDays);
}

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
