using RelationsTracker.Developments;
using RelationsTracker.Writing;

namespace RelationsTracker.Importing;

/// <summary>
/// GDELT writes one reported event as several rows: the same relation, code, day and article, coded once per way
/// it read the actors, each row with its own GLOBALEVENTID. Such rows have one development id
/// (<see cref="ImportedDevelopment.IdOfGdeltEvent"/>), and the rows of a batch that share it become one development
/// whose sources and GDELT evidence list each of them, in file order, rather than one development each.
/// </summary>
public static class RepeatedEvents
{
    /// <summary>The batch's candidates with each GDELT event's repeats folded into its first row (counted in its <see cref="ImportCandidate.Repeats"/>).</summary>
    public static List<ImportCandidate> Merge(IReadOnlyList<ImportCandidate> candidates)
    {
        var merged = new List<ImportCandidate>(candidates.Count);
        var firstOf = new Dictionary<Guid, int>();
        foreach (var candidate in candidates)
        {
            // CSV rows with one id are the same row given twice: the writer counts the second as already imported.
            if (candidate.Event.Gdelt is null || !firstOf.TryGetValue(candidate.Event.DevelopmentId, out var at))
            {
                if (candidate.Event.Gdelt is not null) firstOf[candidate.Event.DevelopmentId] = merged.Count;
                merged.Add(candidate);
                continue;
            }
            var first = merged[at];
            merged[at] = first with
            {
                Event = first.Event with
                {
                    // A source is listed once (a development has at most DevelopmentFields.MaxSources); every event's evidence is kept.
                    Sources = [.. first.Event.Sources.Concat(candidate.Event.Sources).Distinct().Take(DevelopmentFields.MaxSources)],
                    Gdelt = [.. first.Event.Gdelt!, .. candidate.Event.Gdelt],
                },
                Repeats = first.Repeats + 1,
            };
        }
        return merged;
    }
}
