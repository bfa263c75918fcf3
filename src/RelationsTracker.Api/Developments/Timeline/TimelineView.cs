using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Developments.Timeline;

/// <param name="Next">The next page's URL, or null on the last page.</param>
public sealed record TimelineView(string Relation, string AsOf, DateTime KnownAt, int HalfLifeDays,
    [property: OneOf(WordLists.Weightings)] string Weighting, long Version, IReadOnlyList<DevelopmentView> Developments, string? Next);
