using System.Collections.Immutable;
using RelationsTracker.Developments;

namespace RelationsTracker.Relations;

/// <summary>
/// One relation's developments' histories, one per development: an array (a snapshot's, or the last compaction's) and
/// the histories changed since on top of it. Immutable: a change makes a new set sharing the array. Made from an array
/// because a relation of 100,000 developments is built far faster as one than as a tree of 100,000 nodes.
/// </summary>
public sealed class HeldDevelopments
{
    public static readonly HeldDevelopments Empty = new([], ImmutableDictionary<Guid, DevelopmentHistory>.Empty, 0, null);

    private readonly DevelopmentHistory[] _base;
    private readonly Lazy<HashSet<Guid>> _baseIds;
    private readonly ImmutableDictionary<Guid, DevelopmentHistory> _changed;

    private HeldDevelopments(DevelopmentHistory[] @base, ImmutableDictionary<Guid, DevelopmentHistory> changed, int count, Lazy<HashSet<Guid>>? baseIds)
    {
        _base = @base;
        _changed = changed;
        Count = count;
        _baseIds = baseIds ?? new Lazy<HashSet<Guid>>(() => [.. @base.Select(d => d.Id)]);
    }

    /// <summary>Histories of distinct developments.</summary>
    public static HeldDevelopments Of(IReadOnlyCollection<DevelopmentHistory> developments) =>
        new([.. developments], ImmutableDictionary<Guid, DevelopmentHistory>.Empty, developments.Count, null);

    public int Count { get; }

    public IEnumerable<DevelopmentHistory> All => _changed.IsEmpty ? _base : _base.Where(d => !_changed.ContainsKey(d.Id)).Concat(_changed.Values);

    /// <summary>These histories with <paramref name="changed"/> in place of the ones of the same developments, or added.</summary>
    public HeldDevelopments With(IReadOnlyCollection<DevelopmentHistory> changed)
    {
        if (changed.Count == 0) return this;
        // Past an eighth of the array the changes are folded into a new one, so lookups stay cheap and memory is shared.
        if (_changed.Count + changed.Count > Math.Max(1024, _base.Length / 8))
        {
            var merged = new Dictionary<Guid, DevelopmentHistory>(_base.Length + changed.Count);
            foreach (var d in All) merged[d.Id] = d;
            foreach (var d in changed) merged[d.Id] = d;
            return Of(merged.Values);
        }
        var added = changed.DistinctBy(d => d.Id).Count(d => !_changed.ContainsKey(d.Id) && !_baseIds.Value.Contains(d.Id));
        var overlay = _changed.SetItems(changed.Select(d => KeyValuePair.Create(d.Id, d)));
        return new HeldDevelopments(_base, overlay, Count + added, _baseIds);
    }
}
