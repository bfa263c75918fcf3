using RelationsTracker.Relations;

namespace RelationsTracker.Importing;

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

    /// <summary>The rules for a GDELT country, in the order they are tried (none: the country is not in the table).</summary>
    public IReadOnlyList<ActorRule> RulesFor(string country) =>
        _byCountry.TryGetValue(country, out var rules) ? rules : [];

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
