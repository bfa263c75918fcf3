namespace RelationsTracker.Api.Relations.Replaying;

/// <param name="Next">The next page's URL, or null on the last page.</param>
public sealed record RelationListView(string AsOf, DateTime KnownAt, int HalfLifeDays, IReadOnlyList<RelationSummaryView> Relations, string? Next);
