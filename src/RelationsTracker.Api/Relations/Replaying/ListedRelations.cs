using System.Collections.Concurrent;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>
/// The list's last summary of each relation read with the latest knowledge, by the stream version it was read at. The
/// list asks every relation of a page for the same asOf (today) again and again, and at the same version and point of
/// view the summary is the same: a warm list needs no timeline, so it stays fast when a page holds more developments
/// than the node may (<see cref="RelationTimelines.DevelopmentsHeld"/>).
/// </summary>
public sealed class ListedRelations
{
    // A few hundred bytes each; past this many, all are forgotten and read again.
    private const int MostKept = 100_000;

    private readonly ConcurrentDictionary<string, Listed> _listed = new(StringComparer.Ordinal);

    private sealed record Listed(long Version, PointOfView View, DateTimeOffset LastChangedAt, RelationSummaryView? Summary);

    /// <summary>The summary kept for the relation at this version and point of view; null in it: no relation yet at knownAt.</summary>
    public bool TryGet(RelationId relation, long version, PointOfView view, out RelationSummaryView? summary)
    {
        summary = null;
        if (!_listed.TryGetValue(relation.ToString(), out var listed) || listed.Version != version
            || view.KnownAt < listed.LastChangedAt || listed.View != Latest(view)) return false;
        summary = listed.Summary;
        return true;
    }

    /// <summary>Keeps the summary read from <paramref name="timeline"/>, when it was read with everything it knows.</summary>
    public void Keep(RelationTimeline timeline, PointOfView view, RelationSummaryView? summary)
    {
        if (view.KnownAt < timeline.LastChangedAt) return;
        if (_listed.Count >= MostKept) _listed.Clear();
        _listed[timeline.Relation.ToString()] = new Listed(timeline.Version, Latest(view), timeline.LastChangedAt, summary);
    }

    public void Clear() => _listed.Clear();

    private static PointOfView Latest(PointOfView view) => view with { KnownAt = DateTimeOffset.MaxValue };
}
