using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

/// <summary>
/// The oracle: scoring.md as pure functions over the developments known at some knownAt, sorted by
/// <see cref="DevelopmentFacts.Chronological"/>. The straightforward reading of the spec: linear in the
/// number of developments. The production engine (TimelineIndex) is tested against it; nothing outside the tests uses it.
/// </summary>
public static class RelationScoring
{
    public static IReadOnlyList<DevelopmentFacts> KnownAt(IEnumerable<Development> developments, DateTimeOffset knownAt) =>
        Development.KnownAt(developments, knownAt);

    public static double Raw(IReadOnlyList<DevelopmentFacts> known, DateOnly asOf, int halfLifeDays)
    {
        var raw = 0.0;
        foreach (var d in known)
        {
            if (d.EffectiveDate > asOf) break;
            raw += WarmingScore.Contribution(d.SignedWeight, d.EffectiveDate, asOf, halfLifeDays);
        }
        return raw;
    }

    public static RelationReading Read(IReadOnlyList<DevelopmentFacts> known, DateOnly asOf, int halfLifeDays)
    {
        var raw = Raw(known, asOf, halfLifeDays);
        var score = WarmingScore.Score(raw);
        var earlier = WarmingScore.Score(Raw(known, asOf.AddDays(-WarmingScore.TrendDays), halfLifeDays));
        var windowStart = asOf.AddDays(-(WarmingScore.WindowDays - 1));

        var counting = known.TakeWhile(d => d.EffectiveDate <= asOf).ToList();
        var military = counting.Where(d => d.Type == DevelopmentType.MilitaryCooperation && d.EffectiveDate >= windowStart).ToList();
        var contacts = counting.Where(d => Catalogue.Of(d.Type).Effect is StateEffect.Contact or StateEffect.Visit).ToList();

        return new RelationReading(
            raw,
            score,
            score - earlier,
            Agreements(known, counting),
            Missions(counting),
            new MilitaryActivity(military.Count, military.Count > 0 ? military[^1].OccurredOn : null),
            contacts.Count > 0 ? contacts[^1].OccurredOn : null,
            counting.Count(d => d.Type == DevelopmentType.OfficialVisit && d.EffectiveDate >= windowStart),
            counting.Count,
            TopContributors(counting, asOf, halfLifeDays));
    }

    public static IReadOnlyList<ScorePoint> Series(IReadOnlyList<DevelopmentFacts> known, IEnumerable<DateOnly> dates, int halfLifeDays) =>
        dates.Select(date =>
        {
            var raw = Raw(known, date, halfLifeDays);
            return new ScorePoint(date, raw, WarmingScore.Score(raw));
        }).ToList();

    public static double ContributionAt(DevelopmentFacts d, DateOnly asOf, int halfLifeDays) => WarmingScore.ContributionAt(d, asOf, halfLifeDays);

    public const int TopContributorCount = TimelineIndex.TopContributorCount;

    /// <summary>
    /// By |contribution| as reported (3 decimals) descending, then effective date descending; then, for a
    /// stable answer, the later-recorded first.
    /// </summary>
    public static IReadOnlyList<Contributor> TopContributors(IEnumerable<DevelopmentFacts> counting, DateOnly asOf, int halfLifeDays) =>
        counting
            .Select(d => (d, c: new Contributor(d.Id, d.Type, d.OccurredOn, ContributionAt(d, asOf, halfLifeDays))))
            .OrderByDescending(x => Math.Abs(x.c.Contribution))
            .ThenByDescending(x => x.d.EffectiveDate)
            .ThenByDescending(x => x.d.RecordedAt)
            .ThenByDescending(x => x.d.Version)
            .Take(TopContributorCount)
            .Select(x => x.c)
            .ToList();

    private static IReadOnlyList<AgreementStanding> Agreements(IReadOnlyList<DevelopmentFacts> known, IReadOnlyList<DevelopmentFacts> counting)
    {
        // The title is the agreement's name as first given, whatever asOf is.
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in known.OrderBy(d => d.RecordedAt).ThenBy(d => d.Version))
        {
            if (d.Agreement is not null && d.Title is not null) titles.TryAdd(d.Agreement, d.Title);
        }

        var latest = new Dictionary<string, DevelopmentFacts>(StringComparer.Ordinal);
        foreach (var d in counting)
        {
            if (d.Agreement is not null && Catalogue.Of(d.Type).Shape == DevelopmentShape.Agreement) latest[d.Agreement] = d;
        }
        return latest.Values
            .Select(d => new AgreementStanding(d.Agreement!, titles.GetValueOrDefault(d.Agreement!), Catalogue.Of(d.Type).ResultingStatus!, d.OccurredOn))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<MissionStanding> Missions(IReadOnlyList<DevelopmentFacts> counting)
    {
        var latest = new Dictionary<Mission, DevelopmentFacts>();
        foreach (var d in counting)
        {
            if (d.Mission is not null && Catalogue.Of(d.Type).Shape == DevelopmentShape.Mission) latest[d.Mission] = d;
        }
        return latest
            .Select(x => new MissionStanding(x.Key.Owner, x.Key.Kind, x.Key.City, Catalogue.Of(x.Value.Type).ResultingStatus!, x.Value.OccurredOn))
            .OrderBy(m => m.Owner, StringComparer.Ordinal).ThenBy(m => m.Kind, StringComparer.Ordinal).ThenBy(m => m.City, StringComparer.Ordinal)
            .ToList();
    }
}
