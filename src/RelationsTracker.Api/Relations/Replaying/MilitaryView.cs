namespace RelationsTracker.Api.Relations.Replaying;

public sealed record MilitaryView(int ActivitiesLast365Days, string? LastActivity);
