namespace RelationsTracker.Developments;

public sealed record Retraction(DateTimeOffset RecordedAt, long Version, string Reason, IReadOnlyList<Source> Sources);
