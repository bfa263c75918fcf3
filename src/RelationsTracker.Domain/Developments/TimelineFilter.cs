namespace RelationsTracker.Developments;

/// <summary>
/// Which developments of a timeline an analyst is looking for: those whose text (summary, actor, type, agreement
/// title, mission city, a source's publisher, citation or URL) holds <see cref="Text"/> ignoring case, of one of
/// <see cref="Types"/>, by <see cref="Actor"/>, of one of <see cref="Significances"/>. An absent criterion takes all.
/// Applied to the fields as known at knownAt, so a corrected development is found by what it now says.
/// </summary>
public sealed record TimelineFilter(string? Text, IReadOnlySet<DevelopmentType>? Types, string? Actor, IReadOnlySet<Significance>? Significances)
{
    public static readonly TimelineFilter All = new(null, null, null, null);

    public bool Matches(DevelopmentHistory development, DevelopmentFacts facts) =>
        (Types is null || Types.Contains(facts.Type))
        && (Actor is null || facts.Actor == Actor)
        && (Significances is null || Significances.Contains(facts.Significance))
        && (Text is null || Texts(development, facts).Any(t => t is not null && t.Contains(Text, StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<string?> Texts(DevelopmentHistory development, DevelopmentFacts facts)
    {
        yield return facts.Summary;
        yield return facts.Actor;
        yield return facts.Type.ToString();
        yield return facts.Title;
        yield return facts.Mission?.City;
        foreach (var source in development.Sources)
        {
            yield return source.Publisher;
            yield return source.Citation;
            yield return source.Url;
        }
    }
}
