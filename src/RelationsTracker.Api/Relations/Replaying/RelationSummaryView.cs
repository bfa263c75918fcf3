using RelationsTracker.Api.Http.OpenApi;

namespace RelationsTracker.Api.Relations.Replaying;

public sealed record RelationSummaryView(
    string Relation,
    IReadOnlyList<string> Actors,
    decimal Score,
    decimal Trend,
    [property: OneOf(AllowedNames.Directions)] string Direction,
    [property: OneOf(AllowedNames.Phases)] string Phase,
    int DevelopmentCount,
    string? LastContact,
    long Version);
