using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Relations.Revisions;

/// <summary>One revision: what changed, when it was recorded, and the score at asOf just before it and with it.</summary>
public sealed record RevisionView(
    string Kind,
    Guid DevelopmentId,
    DateTime RecordedAt,
    long Version,
    string Type,
    string OccurredOn,
    string Summary,
    string? Reason,
    ScoreReadingView Before,
    ScoreReadingView After,
    decimal Change)
{
    public static RevisionView Of(Revision r) => new(
        r.Kind.ToString().ToLowerInvariant(), r.DevelopmentId, r.RecordedAt.UtcDateTime, r.Version, r.Facts.Type.ToString(),
        r.Facts.OccurredOn.ToString(), r.Facts.Summary, r.Reason, ScoreReadingView.Of(r.Before), ScoreReadingView.Of(r.After),
        r.After.Score - r.Before.Score);
}
