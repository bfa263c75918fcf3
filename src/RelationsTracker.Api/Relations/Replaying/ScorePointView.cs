using RelationsTracker.Api.Http.OpenApi;

using RelationsTracker.Writing;
namespace RelationsTracker.Api.Relations.Replaying;

public sealed record ScorePointView(string Date, decimal Score, decimal Raw, [property: OneOf(WordLists.Phases)] string Phase);
