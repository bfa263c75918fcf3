using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    private readonly Lazy<TimelineIndex> _latestCorroborated;
    private readonly Lazy<long[]> _changes;
    private readonly ConcurrentDictionary<(long Cut, Weighting Weighting), TimelineIndex> _past = new();

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
        _latest = new Lazy<TimelineIndex>(() => TimelineIndex.Build(Development.KnownAt(_developments.Values, DateTimeOffset.MaxValue)));
        _latestCorroborated = new Lazy<TimelineIndex>(() => TimelineIndex.Build(Development.KnownAt(_developments.Values, DateTimeOffset.MaxValue, Weighting.Corroborated)));
        _changes = new Lazy<long[]>(() => _developments.Values
            .SelectMany(d => d.Corrections.Select(c => c.RecordedAt).Concat(d.Reports.Select(r => r.RecordedAt))
                .Append(d.RecordedAt).Append(d.Retraction?.RecordedAt ?? d.RecordedAt))
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

    /// <summary>
    /// The developments that count at knownAt (recorded, not retracted, corrected), indexed for reading; under
    /// corroborated weighting each weighs its factor from the reports known by then.
    /// </summary>
    public TimelineIndex KnownAt(DateTimeOffset knownAt, Weighting weighting = Weighting.Plain)
    {
        if (knownAt >= LastChangedAt) return weighting == Weighting.Corroborated ? _latestCorroborated.Value : _latest.Value;
        var changes = _changes.Value;
        var at = Array.BinarySearch(changes, knownAt.UtcTicks);
        var cut = at >= 0 ? changes[at] : ~at == 0 ? long.MinValue : changes[~at - 1];
        if (_past.TryGetValue((cut, weighting), out var index)) return index;
        if (_past.Count >= PastIndexesKept) _past.Clear();
        return _past[(cut, weighting)] = TimelineIndex.Build(Development.KnownAt(_developments.Values, knownAt, weighting));
    }

    public RelationReading Read(PointOfView view) => KnownAt(view.KnownAt, view.Weighting).Read(view.AsOf, view.HalfLifeDays);
}
