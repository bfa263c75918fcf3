using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

// The state the index reports beside the score: agreements, missions, military activity, contributors.
public sealed partial class TimelineIndex
{
    // ---- The state ----

    /// <summary>How many developments have an effective day ≤ <paramref name="day"/>: the counting prefix.</summary>
    private int CountThrough(int day) => CountBefore(_effectiveDays, day + 1);

    /// <summary>How many elements of an ascending array are &lt; <paramref name="value"/>.</summary>
    private static int CountBefore(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] < value) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>The chronologically last of <paramref name="positions"/> that counts, if any.</summary>
    private DevelopmentFacts? Latest(int[] positions, int counting)
    {
        var end = CountBefore(positions, counting);
        return end > 0 ? _known[positions[end - 1]] : null;
    }

    /// <summary>
    /// How many of <paramref name="positions"/> count and are in the window, and the last of them. Positions
    /// are in effective-date order, so "effective date ≥ window start" is "position ≥ windowFrom".
    /// </summary>
    private (int Count, DevelopmentFacts? Last) InWindow(int[] positions, int windowFrom, int counting)
    {
        var start = CountBefore(positions, windowFrom);
        var end = CountBefore(positions, counting);
        return end > start ? (end - start, _known[positions[end - 1]]) : (0, null);
    }

    private List<AgreementStanding> Agreements(int counting)
    {
        var standings = new List<AgreementStanding>();
        foreach (var track in _agreements)
        {
            if (Latest(track.Positions, counting) is { } d)
                standings.Add(new AgreementStanding(track.Id, track.Title, Catalogue.Of(d.Type).ResultingStatus!, d.OccurredOn));
        }
        return standings;
    }

    private List<MissionStanding> Missions(int counting)
    {
        var standings = new List<MissionStanding>();
        foreach (var track in _missions)
        {
            if (Latest(track.Positions, counting) is { } d)
                standings.Add(new MissionStanding(track.Mission.Owner, track.Mission.Kind, track.Mission.City, Catalogue.Of(d.Type).ResultingStatus!, d.OccurredOn));
        }
        return standings;
    }

    /// <summary>
    /// The reference's top five, from a few candidates per group of equal |signed weight| (why they cannot miss one:
    /// docs/scoring.md, "How the reads compute it").
    /// </summary>
    private List<Contributor> TopContributors(int counting, DateOnly asOf, int halfLifeDays)
    {
        var candidates = new List<int>();
        foreach (var group in _weightGroups)
        {
            var end = CountBefore(group, counting);
            var start = Math.Max(0, end - TopCount);
            while (start > 0 && SameKeys(_known[group[start - 1]], _known[group[start]])) start--;
            for (var k = start; k < end; k++) candidates.Add(group[k]);
        }

        return candidates
            .Select(i => (i, d: _known[i], c: new Contributor(_known[i].Id, _known[i].Type, _known[i].OccurredOn, WarmingScore.ContributionAt(_known[i], asOf, halfLifeDays))))
            .OrderByDescending(x => Math.Abs(x.c.Contribution))
            .ThenByDescending(x => x.d.EffectiveDate)
            .ThenByDescending(x => x.d.RecordedAt)
            .ThenByDescending(x => x.d.Version)
            .ThenBy(x => x.i)
            .Take(TopCount)
            .Select(x => x.c)
            .ToList();
    }

    private static bool SameKeys(DevelopmentFacts a, DevelopmentFacts b) =>
        a.EffectiveDate == b.EffectiveDate && a.RecordedAt == b.RecordedAt && a.Version == b.Version;
}
