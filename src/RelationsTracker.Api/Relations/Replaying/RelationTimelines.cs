using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using RelationsTracker.Api.Storage;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>
/// Keeps relations' timelines in memory, at most <see cref="DevelopmentsHeld"/> developments in all, and brings one up to
/// date on every read with one indexed query for the developments changed since the version it holds. Many nodes may
/// write: a read never trusts what it holds without asking the store what changed, so it is never stale. A relation
/// not held starts from its snapshot in PostgreSQL (<see cref="TimelineSnapshots"/>), which a read that met enough
/// changes beyond it writes anew (<see cref="TimelineHolding.SnapshotDue"/>).
/// </summary>
public sealed partial class RelationTimelines(int developmentsHeld = RelationTimelines.DefaultDevelopmentsHeld, int mostReadAtOnce = RelationTimelines.DefaultMostReadAtOnce)
{
    public const int DefaultDevelopmentsHeld = 500_000;

    private readonly ConcurrentDictionary<string, Entry> _timelines = new(StringComparer.Ordinal);
    // One write of snapshots at a time; a read that finds one under way writes none (they stay due for a later read),
    // so no queue of waiting writes keeps timelines alive that the node has dropped.
    private readonly SemaphoreSlim _writer = new(1);
    private long _clock;

    /// <summary>Beyond this many developments held, the relations read least recently are forgotten (and reloaded when read).</summary>
    public int DevelopmentsHeld { get; } = developmentsHeld;

    public ILogger Logger { get; set; } = NullLogger.Instance;

    private sealed class Entry(RelationTimeline timeline, long snapshotVersion)
    {
        public RelationTimeline Timeline { get; } = timeline;
        public long SnapshotVersion = snapshotVersion;
        public long LastUsed;
    }

    public async Task<RelationTimeline> GetAsync(IQuerySession session, RelationId relation, CancellationToken ct)
    {
        var key = relation.ToString();
        var held = Touch(key);
        var start = held ?? await FromSnapshotAsync(session.DocumentStore, relation, ct);
        var changed = await ChangedDevelopments.Since(session, key, start.Timeline.Version).ToListAsync(ct);
        if (changed.Count == 0 && held is not null)
        {
            // A snapshot due but passed over while another write ran is written on a later read, changes or not.
            if (IsDue(held)) SaveSnapshots(session.DocumentStore, [held]);
            return held.Timeline;
        }
        var due = new List<Entry>();
        var timeline = Update(key, start, changed, due);
        SaveSnapshots(session.DocumentStore, due);
        Trim();
        return timeline;
    }

    /// <summary>
    /// At most about this many developments are read from PostgreSQL for one group of a page (snapshots and changed
    /// documents alike), so that a page of large relations never has more in memory at once than a few groups' worth.
    /// </summary>
    public const int DefaultMostReadAtOnce = 20_000;

    /// <summary>
    /// Reads a page of relations, each at least at the stream version given (as its Relation document has it), with
    /// <paramref name="read"/>, in the page's order. Those held at that version need no query; the others are read in
    /// groups of at most about <see cref="DefaultMostReadAtOnce"/> developments: the group's snapshots in one query, their
    /// changes in one more. A group's timelines the node may not hold are let go before the next group is read.
    /// </summary>
    public async Task<List<T>> ReadManyAsync<T>(IQuerySession session, IReadOnlyList<(RelationId Relation, long Version)> relations,
        Func<RelationTimeline, T> read, CancellationToken ct)
    {
        var results = new List<T>(relations.Count);
        var group = new List<(RelationId Relation, long Version)>();
        long size = 0;
        foreach (var relation in relations)
        {
            // What reading it may cost: nothing when it is held at that version, else at most its events.
            var held = _timelines.GetValueOrDefault(relation.Relation.ToString());
            var cost = held is null ? relation.Version : Math.Max(0, relation.Version - held.Timeline.Version);
            if (group.Count > 0 && size + cost > mostReadAtOnce)
            {
                results.AddRange(await ReadGroupAsync(session.DocumentStore, group, read, ct));
                group.Clear();
                size = 0;
            }
            group.Add(relation);
            size += cost;
        }
        if (group.Count > 0) results.AddRange(await ReadGroupAsync(session.DocumentStore, group, read, ct));
        return results;
    }

    private async Task<T[]> ReadGroupAsync<T>(IDocumentStore store, IReadOnlyList<(RelationId Relation, long Version)> relations,
        Func<RelationTimeline, T> read, CancellationToken ct)
    {
        var starts = new Entry?[relations.Count];
        for (var i = 0; i < relations.Count; i++) starts[i] = Touch(relations[i].Relation.ToString());
        var notHeld = starts.Select(e => e is null).ToArray();
        var missing = Enumerable.Range(0, relations.Count).Where(i => notHeld[i]).ToList();
        if (missing.Count > 0)
        {
            var snapshots = await TimelineSnapshots.LoadManyAsync(store, [.. missing.Select(i => relations[i].Relation.ToString())], ct);
            foreach (var i in missing) starts[i] = StartOf(relations[i].Relation, snapshots);
        }
        var behind = Enumerable.Range(0, relations.Count).Where(i => starts[i]!.Timeline.Version < relations[i].Version).ToList();
        var changed = await ChangedDevelopments.ReadAsync(store, [.. behind.Select(i => (relations[i].Relation.ToString(), starts[i]!.Timeline.Version))], ct);
        var results = new T[relations.Count];
        var due = new List<Entry>();
        for (var i = 0; i < relations.Count; i++)
        {
            var key = relations[i].Relation.ToString();
            var start = starts[i]!;
            if (!notHeld[i] && !changed.ContainsKey(key))
            {
                if (IsDue(start)) due.Add(start);
                results[i] = read(start.Timeline);
            }
            else results[i] = read(Update(key, start, changed.GetValueOrDefault(key) ?? [], due));
        }
        SaveSnapshots(store, due);
        Trim();
        return results;
    }

    private Entry? Touch(string key)
    {
        var held = _timelines.GetValueOrDefault(key);
        if (held is not null) held.LastUsed = Interlocked.Increment(ref _clock);
        return held;
    }

    private RelationTimeline Update(string key, Entry start, IReadOnlyCollection<Development> changed, List<Entry> due)
    {
        var updated = new Entry(start.Timeline.With(changed), start.SnapshotVersion) { LastUsed = Interlocked.Increment(ref _clock) };
        var kept = _timelines.AddOrUpdate(key, updated, (_, current) => current.Timeline.Version >= updated.Timeline.Version ? current : updated);
        if (IsDue(kept)) due.Add(kept);
        return kept.Timeline;
    }

    /// <summary>
    /// Fills what the node may hold, the largest relations first (<see cref="RelationVersions.ToPreloadAsync"/>), each from
    /// its snapshot and the documents changed after it (all its documents when it has none, which makes its snapshot
    /// due), so that their first reads are as fast as the thousandth (a starting node's warm-up: <see cref="Storage.WarmUp"/>).
    /// </summary>
    /// <returns>How many relations it loaded that it did not hold.</returns>
    public async Task<int> PreloadAsync(IQuerySession session, CancellationToken ct)
    {
        // Chosen within the whole bound: what the node already holds and is not chosen (the warm-up's first list page)
        // is used least recently, so it is what the bound lets go first.
        var chosen = (await RelationVersions.ToPreloadAsync(session.DocumentStore, DevelopmentsHeld, ct))
            .Select(r => (Ok: RelationId.TryParse(r.Id, out var relation), Relation: relation, r.Version))
            .Where(r => r.Ok)
            .Select(r => (r.Relation, r.Version))
            .ToList();
        // The last chosen first: past the bound, the node forgets the relations it used least recently.
        chosen.Reverse();
        // Those already held are read too, at no cost, so that they count as used now.
        var loaded = chosen.Count(r => !Holds(r.Relation));
        // The index a first read at the latest knowledge would build (the default weighting), built now.
        await ReadManyAsync(session, chosen, timeline => timeline.KnownAt(DateTimeOffset.MaxValue), ct);
        return loaded;
    }

    /// <summary>The relation with the most developments held, if any is.</summary>
    public RelationId? Largest() => _timelines.Values.MaxBy(e => e.Timeline.Count)?.Timeline.Relation;

    /// <summary>Whether the relation's timeline is held in memory now.</summary>
    public bool Holds(RelationId relation) => _timelines.ContainsKey(relation.ToString());

    /// <summary>The list's summaries, kept beside the timelines they were read from.</summary>
    public ListedRelations Listed { get; } = new();

    /// <summary>Forgets every timeline and summary (after a projection rebuild the documents are new).</summary>
    public void Clear()
    {
        _timelines.Clear();
        Listed.Clear();
    }

    private static async Task<Entry> FromSnapshotAsync(IDocumentStore store, RelationId relation, CancellationToken ct) =>
        StartOf(relation, await TimelineSnapshots.LoadManyAsync(store, [relation.ToString()], ct));

    // A relation not held starts from its snapshot when it has one, else from nothing.
    private static Entry StartOf(RelationId relation, Dictionary<string, (long Version, List<DevelopmentHistory> Developments)> snapshots) =>
        snapshots.TryGetValue(relation.ToString(), out var snapshot)
            ? new Entry(RelationTimeline.At(relation, snapshot.Version, snapshot.Developments), snapshot.Version)
            : new Entry(RelationTimeline.Empty(relation), 0);

    private long HeldCount() => _timelines.Values.Sum(e => (long)e.Timeline.Count);

    // The relation read last stays, even alone past the limit: dropping it would make its every read start again.
    private void Trim()
    {
        var held = HeldCount();
        if (held <= DevelopmentsHeld) return;
        var byUse = _timelines.OrderBy(x => x.Value.LastUsed).ToList();
        foreach (var (key, entry) in byUse.Take(byUse.Count - 1))
        {
            if (held <= DevelopmentsHeld) break;
            if (_timelines.TryRemove(key, out _)) held -= entry.Timeline.Count;
        }
    }
}
