using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Scoring;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Revisions;

/// <summary>The score and phase at asOf, as known at one instant.</summary>
public sealed record ScoreReadingView(decimal Score, [property: OneOf(WordLists.Phases)] string Phase)
{
    public static ScoreReadingView Of(ScorePoint point) => new(point.Score, point.Phase.Name());
}
