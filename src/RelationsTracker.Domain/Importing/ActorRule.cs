namespace RelationsTracker.Importing;

/// <summary>
/// One line of the actor mapping table (<c>Tracker:Imports:Actors</c>): GDELT actors of <see cref="Country"/>
/// (their CountryCode) become the tracker actor <see cref="Actor"/>; with <see cref="Markers"/>, only those
/// whose Code, KnownGroupCode or Name contains one of them (ignoring case), e.g. LBY with "HAFTAR" → LBY-EAST.
/// </summary>
public sealed class ActorRule
{
    public string Actor { get; set; } = "";
    public string Country { get; set; } = "";
    public List<string> Markers { get; set; } = [];
    /// <summary>The name the actor is created with if it does not exist yet; the actor id if not given.</summary>
    public string? Name { get; set; }
}
