namespace RelationsTracker.Actors;

/// <summary>A country or a faction (<c>TUR</c>, <c>LBY-EAST</c>). A Marten document: actors are reference data, not history.</summary>
/// <param name="Gdelt">How a GDELT import recognises it, if it does.</param>
public sealed record Actor(string Id, string Name, string? Description, GdeltMapping? Gdelt = null);
