using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

/// <summary>Random but reproducible developments over 2000–2025, every type, every precision.</summary>
public static class Generator
{
    private static readonly DevelopmentType[] Types = Enum.GetValues<DevelopmentType>();

    public static DevelopmentRecorded Event(Random random, RelationId relation)
    {
        var type = Types[random.Next(Types.Length)];
        var recorded = DevelopmentRecorded.Blank(type) with
        {
            DevelopmentId = Guid.CreateVersion7(),
            OccurredOn = Date(random),
            Actor = random.Next(2) == 0 ? relation.First : relation.Second,
            Summary = $"Generated {type}",
            Significance = (Significance)random.Next(3),
            Sources = [new Source { Url = "https://example.org/bench", Publisher = "Bench" }],
        };
        return recorded switch
        {
            AgreementDevelopment a => a with { Agreement = $"agreement-{random.Next(20)}", Title = "A generated agreement" },
            MissionDevelopment m => m with { Mission = new Mission(relation.First, random.Next(2) == 0 ? "consulate" : "embassy", $"City {random.Next(5)}") },
            _ => recorded,
        };
    }

    private static readonly string[] Publishers = ["Anadolu", "Kathimerini", "Al Wasat", "Reuters", "Libya Observer"];

    /// <summary>
    /// A report on a development, for about one development in four (null for the others): another publisher that
    /// confirms it, or one time in ten disputes it, so corroborated reads have factors other than 1 to weigh.
    /// </summary>
    public static ReportAdded? Report(Random random, Guid developmentId) => random.Next(4) != 0 ? null
        : new ReportAdded(developmentId, Guid.CreateVersion7(), random.Next(10) == 0 ? ReportStance.Disputes : ReportStance.Confirms,
            new Source { Url = $"https://example.net/bench/{random.Next(1000)}", Publisher = Publishers[random.Next(Publishers.Length)] }, null, null);

    /// <summary>The same development as a POST body.</summary>
    public static Dictionary<string, object?> Request(Random random, RelationId relation)
    {
        var e = Event(random, relation);
        var body = new Dictionary<string, object?>
        {
            ["type"] = e.Type.ToString(),
            ["occurredOn"] = e.OccurredOn.ToString(),
            ["actor"] = e.Actor,
            ["summary"] = e.Summary,
            ["significance"] = e.Significance.Name(),
            ["sources"] = new[] { new { url = "https://example.org/bench" } },
        };
        if (e is AgreementDevelopment a) (body["agreement"], body["title"]) = (a.Agreement, a.Title);
        if (e is MissionDevelopment m) body["mission"] = new { owner = m.Mission.Owner, kind = m.Mission.Kind, city = m.Mission.City };
        return body;
    }

    private static OccurrenceDate Date(Random random)
    {
        var day = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9496));
        return random.Next(10) switch
        {
            0 => OccurrenceDate.Year(day.Year),
            1 or 2 => OccurrenceDate.Month(day.Year, day.Month),
            _ => OccurrenceDate.Day(day),
        };
    }
}
