using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Replaying;

public sealed record RelationSummaryView(
    string Relation,
    IReadOnlyList<string> Actors,
    decimal Score,
    decimal Trend,
    [property: OneOf(WordLists.Directions)] string Direction,
    [property: OneOf(WordLists.Phases)] string Phase,
    int DevelopmentCount,
    string? LastContact,
    long Version);
