namespace RelationsTracker.Api.Developments.Timeline;

public sealed record TimelineView(string Relation, string AsOf, DateTime KnownAt, int HalfLifeDays, long Version, IReadOnlyList<DevelopmentView> Developments);
