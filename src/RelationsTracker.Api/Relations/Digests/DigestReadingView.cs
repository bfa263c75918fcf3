using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Scoring;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Digests;

/// <summary>The score and phase at the end of one day.</summary>
public sealed record DigestReadingView(string Date, decimal Score, [property: OneOf(WordLists.Phases)] string Phase)
{
    public static DigestReadingView Of(DateOnly date, RelationReading reading) => new(date.ToString("yyyy-MM-dd"), reading.Score, reading.Phase.Name());
}
