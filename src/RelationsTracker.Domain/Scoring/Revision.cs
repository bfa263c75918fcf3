using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

/// <summary>
/// One change to what was known about a relation: a development recorded, corrected, retracted or reported on at
/// <see cref="RecordedAt"/>, with the development as it was known with it, and the score at asOf as known just
/// before it and with it.
/// </summary>
public sealed record Revision(
    RevisionKind Kind,
    Guid DevelopmentId,
    DateTimeOffset RecordedAt,
    long Version,
    string? Reason,
    DevelopmentFacts Facts,
    ScorePoint Before,
    ScorePoint After)
{
    /// <summary>
    /// The revisions recorded in (<paramref name="since"/>, <paramref name="until"/>], in recorded order, at most
    /// <paramref name="limit"/>; each with the score at <paramref name="asOf"/> just before it and with it, as every read
    /// computes a score (a <see cref="TimelineIndex"/> of what was known at each instant).
    /// </summary>
    public static IReadOnlyList<Revision> Between(IReadOnlyCollection<DevelopmentHistory> developments, DateTimeOffset since, DateTimeOffset until,
        DateOnly asOf, int halfLifeDays, int limit)
    {
        var changes = developments.SelectMany(Changes)
            .Where(c => c.RecordedAt > since && c.RecordedAt <= until)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Version)
            .Take(limit)
            .ToList();
        var revisions = new List<Revision>(changes.Count);
        ScorePoint? previous = null;
        var previousAt = DateTimeOffset.MinValue;
        foreach (var (kind, development, recordedAt, version, reason) in changes)
        {
            // With changes in recorded order, what was known just before one is what was known with the one before.
            var justBefore = recordedAt.AddTicks(-1);
            var before = previous is not null && previousAt == justBefore ? previous : ScoreAt(developments, justBefore, asOf, halfLifeDays);
            var after = ScoreAt(developments, recordedAt, asOf, halfLifeDays);
            var facts = development.FieldsKnownAt(kind == RevisionKind.Retracted ? justBefore : recordedAt)!;
            revisions.Add(new Revision(kind, development.Id, recordedAt, version, reason, facts, before, after));
            (previous, previousAt) = (after, recordedAt);
        }
        return revisions;
    }

    private static ScorePoint ScoreAt(IEnumerable<DevelopmentHistory> developments, DateTimeOffset knownAt, DateOnly asOf, int halfLifeDays) =>
        TimelineIndex.Build(DevelopmentHistory.KnownAt(developments, knownAt)).Series([asOf], halfLifeDays)[0];

    private static IEnumerable<(RevisionKind Kind, DevelopmentHistory Development, DateTimeOffset RecordedAt, long Version, string? Reason)> Changes(DevelopmentHistory d)
    {
        yield return (RevisionKind.Recorded, d, d.RecordedAt, d.Recorded.Version, null);
        foreach (var c in d.Corrections) yield return (RevisionKind.Corrected, d, c.RecordedAt, c.Version, c.Reason);
        if (d.RetractedAt is { } retractedAt) yield return (RevisionKind.Retracted, d, retractedAt, d.RetractedVersion, d.RetractionReason);
        foreach (var report in d.Reports) yield return (RevisionKind.Reported, d, report.RecordedAt, report.Version, report.Stance == ReportStance.Confirms ? "confirms" : "disputes");
    }
}
