namespace RelationsTracker.Api.Relations.Replaying;

public sealed record RelationListView(string AsOf, DateTime KnownAt, int HalfLifeDays, IReadOnlyList<RelationSummaryView> Relations);
