namespace RelationsTracker.Importing;

/// <summary>
/// A batch's rows against the actors known to exist: a row naming an actor directly needs it to exist; an actor the
/// mapping names (a GDELT actor, with the name to create it with) is created with the batch when missing.
/// </summary>
/// <param name="Accepted">The rows whose actors exist or will be created, in the batch's order.</param>
/// <param name="Rejected">The rows naming an actor that does not exist, in the batch's order.</param>
/// <param name="ToCreate">Each missing mapped actor once, with the name its first row gives it.</param>
public sealed record ActorCheck(IReadOnlyList<ImportCandidate> Accepted, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<NeededActor> ToCreate)
{
    public static ActorCheck Of(IReadOnlyList<ImportCandidate> candidates, IReadOnlySet<string> existing)
    {
        var accepted = new List<ImportCandidate>(candidates.Count);
        var rejected = new List<RejectedRow>();
        var toCreate = new Dictionary<string, NeededActor>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate.Actors.FirstOrDefault(a => a.CreateAs is null && !existing.Contains(a.Id)) is { } missing)
            {
                rejected.Add(new RejectedRow(candidate.Line,
                    $"actor {missing.Id} does not exist; create it with PUT /api/actors/{missing.Id} first", RejectionKind.ActorMissing));
                continue;
            }
            foreach (var actor in candidate.Actors.Where(a => a.CreateAs is not null && !existing.Contains(a.Id)))
                toCreate.TryAdd(actor.Id, actor);
            accepted.Add(candidate);
        }
        return new ActorCheck(accepted, rejected, [.. toCreate.Values]);
    }
}
