namespace RelationsTracker.Developments;

/// <summary>
/// What GDELT reported about an imported event beside its codes: its GLOBALEVENTID, how much coverage it had in its
/// 15-minute window (NumMentions, NumSources, NumArticles), its average tone, and where it happened (ActionGeo). Kept as
/// evidence, one per GDELT event a development was made from, shown with it; it does not change the score.
/// </summary>
public sealed record GdeltEvidence(
    string? GlobalEventId,
    int NumMentions,
    int NumSources,
    int NumArticles,
    double AvgTone,
    string? Place,
    string? PlaceCountry,
    double? Latitude,
    double? Longitude);
