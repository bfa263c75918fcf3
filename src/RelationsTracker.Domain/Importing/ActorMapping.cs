using RelationsTracker.Relations;

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

/// <summary>The GDELT fields that say who an actor is.</summary>
public sealed record GdeltActor(string Code, string Name, string CountryCode, string KnownGroupCode)
{
    public string Describe() =>
        string.IsNullOrEmpty(Code) && string.IsNullOrEmpty(Name) ? "(none)" : $"{Name} ({Code})".Trim();
}

/// <summary>
/// The actor mapping table. For a GDELT actor, the rules of its country that have markers are tried first, in
/// the table's order, then the first rule of its country without markers; no rule, no actor (the row is reported).
/// </summary>
public sealed class ActorMapping
{
    private readonly Dictionary<string, List<ActorRule>> _byCountry;

    public IReadOnlyList<ActorRule> Rules { get; }

    private ActorMapping(IReadOnlyList<ActorRule> rules)
    {
        Rules = rules;
        _byCountry = rules
            .GroupBy(r => r.Country, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Where(r => r.Markers.Count > 0).Concat(g.Where(r => r.Markers.Count == 0)).ToList(), StringComparer.Ordinal);
    }

    public static readonly ActorMapping Empty = new([]);

    /// <summary>The table, or what is wrong with it.</summary>
    public static (ActorMapping? Mapping, IReadOnlyList<string> Errors) Create(IEnumerable<ActorRule> rules)
    {
        var list = rules.ToList();
        var errors = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var rule = list[i];
            if (!ActorId.IsValid(rule.Actor)) errors.Add($"Actors[{i}].Actor: '{rule.Actor}' is not {ActorId.Description}");
            if (rule.Country.Length != 3 || !rule.Country.All(char.IsAsciiLetterUpper)) errors.Add($"Actors[{i}].Country: '{rule.Country}' is not a GDELT country code (three capital letters)");
            if (rule.Markers.Any(string.IsNullOrWhiteSpace)) errors.Add($"Actors[{i}].Markers: a marker is empty");
        }
        return errors.Count > 0 ? (null, errors) : (new ActorMapping(list), errors);
    }

    /// <summary>The rule that maps this GDELT actor, or null.</summary>
    public ActorRule? Find(GdeltActor actor)
    {
        if (string.IsNullOrEmpty(actor.CountryCode) || !_byCountry.TryGetValue(actor.CountryCode, out var rules)) return null;
        foreach (var rule in rules)
        {
            if (rule.Markers.Count == 0) return rule;
            foreach (var marker in rule.Markers)
            {
                if (actor.Code.Contains(marker, StringComparison.OrdinalIgnoreCase)
                    || actor.KnownGroupCode.Contains(marker, StringComparison.OrdinalIgnoreCase)
                    || actor.Name.Contains(marker, StringComparison.OrdinalIgnoreCase))
                    return rule;
            }
        }
        return null;
    }
}
