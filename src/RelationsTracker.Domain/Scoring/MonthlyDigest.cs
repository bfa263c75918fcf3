using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

/// <summary>
/// A relation's month as a briefing (api.md 1.1, "digest"): the developments whose effective date falls in it, the
/// reading at the last day of the month before and at the month's last day, the change between them and its verdict,
/// and the month's top contributors: of its own developments, the (at most five) with the largest contribution at
/// the month's last day, by magnitude, then the later effective date, as a reading's top contributors are chosen.
/// </summary>
public sealed record MonthlyDigest(
    int Year,
    int Month,
    RelationReading Start,
    RelationReading End,
    IReadOnlyList<DevelopmentFacts> Developments,
    IReadOnlyList<Contributor> TopContributors)
{
    /// <summary>A fall of this much or more is a deterioration, a rise of as much an improvement.</summary>
    public const decimal Threshold = 5m;

    public DateOnly StartDate => new DateOnly(Year, Month, 1).AddDays(-1);
    public DateOnly EndDate => new DateOnly(Year, Month, 1).AddMonths(1).AddDays(-1);

    public decimal Change => End.Score - Start.Score;

    public DigestVerdict Verdict => Change <= -Threshold ? DigestVerdict.Deteriorated : Change >= Threshold ? DigestVerdict.Improved : DigestVerdict.Unchanged;

    /// <summary>The month of <paramref name="known"/> (what counts at some knownAt), read with <paramref name="halfLifeDays"/>.</summary>
    public static MonthlyDigest Of(TimelineIndex known, int year, int month, int halfLifeDays)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var inMonth = known.Known.Where(d => d.EffectiveDate >= first && d.EffectiveDate <= last).ToList();
        var top = inMonth
            .Select(d => new Contributor(d.Id, d.Type, d.OccurredOn, WarmingScore.ContributionAt(d, last, halfLifeDays)))
            .OrderByDescending(c => Math.Abs(c.Value)).ThenByDescending(c => c.OccurredOn.EffectiveDate)
            .Take(TimelineIndex.TopContributorCount)
            .ToList();
        return new MonthlyDigest(year, month, known.Read(first.AddDays(-1), halfLifeDays), known.Read(last, halfLifeDays), inMonth, top);
    }
}
