namespace RelationsTracker.Actors;

/// <summary>
/// Which GDELT actors are this actor: those of <see cref="Country"/> (GDELT's CountryCode), and with
/// <see cref="Markers"/> only those whose code, group or name contains one (ignoring case). docs/import.md.
/// </summary>
public sealed record GdeltMapping(string Country, IReadOnlyList<string> Markers);
