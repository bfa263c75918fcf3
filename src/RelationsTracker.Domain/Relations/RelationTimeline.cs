using System.Collections.Concurrent;
using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Relations;

/// <summary>
/// Every development of one relation with what the readings need of its recorded history
/// (<see cref="DevelopmentHistory"/>), as of one version of the relation's stream. Immutable: a newer version is a new timeline. Answers "what was known at knownAt" as a
/// <see cref="TimelineIndex"/>: the one for the latest knowledge is built once and shared by every read;
/// a few for earlier knowledge are kept too, keyed by the last change they include, since every knownAt
/// between two changes knows the same.
/// </summary>
public sealed class RelationTimeline
{
    private const int PastIndexesKept = 8;

    private readonly HeldDevelopments _developments;
    private readonly Lazy<TimelineIndex> _latest;
    private readonly Lazy<TimelineIndex> _latestCorroborated;
    private readonly Lazy<long[]> _changes;
    private readonly ConcurrentDictionary<(long Cut, Weighting Weighting), TimelineIndex> _past = new();
    private volatile LatestReading? _latestReading;

    public RelationId Relation { get; }
    /// <summary>The stream version this timeline reflects (0: nothing recorded yet).</summary>
    public long Version { get; }
    /// <summary>The last moment of recorded time at which anything in the relation changed.</summary>
    public DateTimeOffset LastChangedAt { get; }

    private RelationTimeline(RelationId relation, HeldDevelopments developments, long version, DateTimeOffset lastChangedAt)
    {
        Relation = relation;
        _developments = developments;
        Version = version;
        LastChangedAt = lastChangedAt;
        _latest = new Lazy<TimelineIndex>(() => TimelineIndex.Build(DevelopmentHistory.KnownAt(_developments.All, DateTimeOffset.MaxValue)));
        _latestCorroborated = new Lazy<TimelineIndex>(() => TimelineIndex.Build(DevelopmentHistory.KnownAt(_developments.All, DateTimeOffset.MaxValue, Weighting.Corroborated)));
        _changes = new Lazy<long[]>(() => _developments.All.SelectMany(d => d.ChangeTimes).Select(t => t.UtcTicks).Distinct().Order().ToArray());
    }

    public static RelationTimeline Empty(RelationId relation) => new(relation, HeldDevelopments.Empty, 0, DateTimeOffset.MinValue);

    /// <summary>The timeline at <paramref name="version"/> of the stream, holding these histories (a snapshot's).</summary>
    public static RelationTimeline At(RelationId relation, long version, IReadOnlyCollection<DevelopmentHistory> developments) =>
        new(relation, HeldDevelopments.Of(developments), version,
            developments.Select(d => d.LastChangedAt).Append(DateTimeOffset.MinValue).Max());

    public IEnumerable<DevelopmentHistory> Developments => _developments.All;

    public int Count => _developments.Count;

    /// <summary>A newer timeline with these developments' histories replaced.</summary>
    public RelationTimeline With(IReadOnlyCollection<Development> changed) => With(changed.Select(DevelopmentHistory.Of).ToList());

    /// <summary>A newer timeline with these developments' histories replaced.</summary>
    public RelationTimeline With(IReadOnlyCollection<DevelopmentHistory> changed)
    {
        if (changed.Count == 0) return this;
        var developments = _developments.With(changed);
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
        return _past[(cut, weighting)] = TimelineIndex.Build(DevelopmentHistory.KnownAt(_developments.All, knownAt, weighting));
    }

    /// <summary>
    /// The reading at the point of view. The last one read with the latest knowledge is kept: the list asks every
    /// relation for the same asOf (today) again and again, with a knownAt (now) that moves but knows nothing new.
    /// </summary>
    public RelationReading Read(PointOfView view)
    {
        if (view.KnownAt < LastChangedAt) return KnownAt(view.KnownAt, view.Weighting).Read(view.AsOf, view.HalfLifeDays);
        var latest = view with { KnownAt = DateTimeOffset.MaxValue };
        if (_latestReading is { } kept && kept.View == latest) return kept.Reading;
        var reading = KnownAt(view.KnownAt, view.Weighting).Read(view.AsOf, view.HalfLifeDays);
        _latestReading = new LatestReading(latest, reading);
        return reading;
    }

    private sealed record LatestReading(PointOfView View, RelationReading Reading);
}
