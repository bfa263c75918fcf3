namespace RelationsTracker.Api.Relations.Replaying;

public sealed record ScoreSeriesView(
    string Relation,
    string From,
    string To,
    string Step,
    DateTime KnownAt,
    int HalfLifeDays,
    long Version,
    IReadOnlyList<ScorePointView> Points);
