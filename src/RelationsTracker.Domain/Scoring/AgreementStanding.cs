using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

public sealed record AgreementStanding(string Id, string? Title, string Status, OccurrenceDate Since);
