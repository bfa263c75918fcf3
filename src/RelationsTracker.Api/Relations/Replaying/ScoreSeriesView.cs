using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Replaying;

public sealed record ScoreSeriesView(
    string Relation,
    string From,
    string To,
    string Step,
    DateTime KnownAt,
    int HalfLifeDays,
    [property: OneOf(WordLists.Weightings)] string Weighting,
    long Version,
    IReadOnlyList<ScorePointView> Points);
