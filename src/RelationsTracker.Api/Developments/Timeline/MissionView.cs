namespace RelationsTracker.Api.Developments.Timeline;

public sealed record MissionView(string Owner, string Kind, string City);
