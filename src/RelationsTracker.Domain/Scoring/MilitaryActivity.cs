using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

public sealed record MilitaryActivity(int ActivitiesLast365Days, OccurrenceDate? LastActivity);
