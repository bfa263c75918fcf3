namespace RelationsTracker.Api.Developments.Timeline;

public sealed record RecordedFields(string Type, string OccurredOn, string Significance, string Summary);
