using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Scoring;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Replaying;

public sealed record ScorePointView(string Date, decimal Score, decimal Raw, [property: OneOf(WordLists.Phases)] string Phase)
{
    public static ScorePointView Of(ScorePoint p) => new(p.Date.ToString("yyyy-MM-dd"), p.Score, p.Raw, p.Phase.Name());
}
