namespace RelationsTracker.Api.Relations.Replaying;

public sealed record MissionStateView(string Owner, string Kind, string City, string Status, string Since);
