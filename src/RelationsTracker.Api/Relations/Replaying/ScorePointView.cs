using RelationsTracker.Api.Http.OpenApi;

namespace RelationsTracker.Api.Relations.Replaying;

public sealed record ScorePointView(string Date, decimal Score, decimal Raw, [property: OneOf(AllowedNames.Phases)] string Phase);
