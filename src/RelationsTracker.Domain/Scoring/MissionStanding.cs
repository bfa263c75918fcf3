using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

public sealed record MissionStanding(string Owner, string Kind, string City, string Status, OccurrenceDate Since);
