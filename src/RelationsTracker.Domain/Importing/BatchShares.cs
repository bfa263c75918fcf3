using RelationsTracker.Relations;

namespace RelationsTracker.Importing;

/// <summary>
/// How a batch of an import is shared between its writers, and what one share records: each relation always in the
/// same share, so its developments are appended in file order, and only the developments not recorded yet.
/// </summary>
public static class BatchShares
{
    /// <summary>The share of the relation among <paramref name="writers"/>: FNV-1a of its id, the same in every process
    /// (unlike string.GetHashCode), so a resumed import forms the same shares.</summary>
    public static int ShareOf(RelationId relation, int writers)
    {
        var hash = 2166136261u;
        foreach (var c in relation.ToString()) hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)writers);
    }

    /// <summary>
    /// The share's developments that <paramref name="recorded"/> does not hold, by relation, in file order; a development
    /// recorded before, or twice in the share, counts once as already imported.
    /// </summary>
    public static (Dictionary<string, List<ImportCandidate>> ByRelation, int Already) NewDevelopments(
        IEnumerable<ImportCandidate> candidates, IEnumerable<Guid> recorded)
    {
        var seen = recorded.ToHashSet();
        var byRelation = new Dictionary<string, List<ImportCandidate>>(StringComparer.Ordinal);
        var already = 0;
        foreach (var candidate in candidates)
        {
            if (!seen.Add(candidate.Event.DevelopmentId))
            {
                already++;
                continue;
            }
            var key = candidate.Relation.ToString();
            if (!byRelation.TryGetValue(key, out var list)) byRelation[key] = list = [];
            list.Add(candidate);
        }
        return (byRelation, already);
    }
}
