using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

/// <summary>
/// The developments known at some knownAt, indexed so that a reading at any asOf costs binary searches
/// plus one multiply-add per distinct effective day, instead of a pass over every development. Every
/// reported value is the same as the reference's (RelationScoring, kept in the tests as their oracle); the tests hold the two
/// side by side on random histories. Immutable once built, so one index can serve concurrent reads. Why its sums
/// report exactly the reference's: docs/scoring.md, "How the reads compute it".
/// </summary>
public sealed partial class TimelineIndex
{
    /// <summary>How many top contributors a reading names.</summary>
    public const int TopContributorCount = 5;
    private const int TopCount = TopContributorCount;

    // As WarmingScore.RoundRaw and RoundScore.
    private const int RawDecimals = 3;
    private const int ScoreDecimals = 1;

    private static readonly double UnitRoundoff = Math.ScaleB(1.0, -53);

    // Per development, in the chronological order of `known`. Those counting at asOf are always a prefix.
    private readonly DevelopmentFacts[] _known;
    private readonly int[] _effectiveDays;
    private readonly double[] _signedWeights;

    // Per distinct effective day, ascending: Σ signed weight that day; for the error bounds the number of
    // developments and the spread (2·count + 2)·Σ|signed weight|; and prefix sums of spread and Σ|signed weight|
    // (entry k is the sum over days before k).
    private readonly int[] _days;
    private readonly double[] _weightSums;
    private readonly double[] _dayCounts;
    private readonly double[] _spreads;
    private readonly double[] _spreadsBefore;
    private readonly double[] _absWeightsBefore;

    // Positions in _known (ascending) of the developments each piece of state is read from.
    private readonly int[] _military;
    private readonly int[] _visits;
    private readonly int[] _contacts;
    private readonly int[][] _weightGroups;
    private readonly AgreementTrack[] _agreements;
    private readonly MissionTrack[] _missions;

    private sealed record AgreementTrack(string Id, string? Title, int[] Positions);

    private sealed record MissionTrack(Mission Mission, int[] Positions);

    private TimelineIndex(DevelopmentFacts[] known)
    {
        _known = known;
        _effectiveDays = new int[known.Length];
        _signedWeights = new double[known.Length];

        var days = new List<int>();
        var weightSums = new List<double>();
        var dayCounts = new List<double>();
        var absWeightSums = new List<double>();
        var military = new List<int>();
        var visits = new List<int>();
        var contacts = new List<int>();
        var groups = new Dictionary<double, List<int>>();
        var agreements = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var missions = new Dictionary<Mission, List<int>>();
        var titles = new Dictionary<string, (DevelopmentFacts First, string Title)>(StringComparer.Ordinal);

        for (var i = 0; i < known.Length; i++)
        {
            var d = known[i];
            if (i > 0 && DevelopmentFacts.Chronological.Compare(known[i - 1], d) > 0)
                throw new ArgumentException("The developments must be sorted by DevelopmentFacts.Chronological.", nameof(known));

            var day = d.EffectiveDate.DayNumber;
            var weight = d.SignedWeight;
            _effectiveDays[i] = day;
            _signedWeights[i] = weight;
            if (days.Count == 0 || days[^1] != day)
            {
                days.Add(day);
                weightSums.Add(0);
                dayCounts.Add(0);
                absWeightSums.Add(0);
            }
            weightSums[^1] += weight;
            dayCounts[^1] += 1;
            absWeightSums[^1] += Math.Abs(weight);

            var entry = Catalogue.Of(d.Type);
            if (d.Type == DevelopmentType.MilitaryCooperation) military.Add(i);
            if (d.Type == DevelopmentType.OfficialVisit) visits.Add(i);
            if (entry.Effect is StateEffect.Contact or StateEffect.Visit) contacts.Add(i);
            if (d.Agreement is not null && entry.Shape == DevelopmentShape.Agreement) AddTo(agreements, d.Agreement, i);
            if (d.Mission is not null && entry.Shape == DevelopmentShape.Mission) AddTo(missions, d.Mission, i);
            AddTo(groups, Math.Abs(weight), i);

            // As the reference: an agreement's title is the one given by the earliest recorded (then
            // earliest in the stream, then earliest here) known development of the slug, whatever asOf is.
            if (d.Agreement is not null && d.Title is not null
                && (!titles.TryGetValue(d.Agreement, out var first) || RecordedEarlier(d, first.First)))
            {
                titles[d.Agreement] = (d, d.Title);
            }
        }

        _days = days.ToArray();
        _weightSums = weightSums.ToArray();
        _dayCounts = dayCounts.ToArray();
        _spreads = new double[_days.Length];
        _spreadsBefore = new double[_days.Length + 1];
        _absWeightsBefore = new double[_days.Length + 1];
        for (var k = 0; k < _days.Length; k++)
        {
            _spreads[k] = (2 * _dayCounts[k] + 2) * absWeightSums[k];
            _spreadsBefore[k + 1] = _spreadsBefore[k] + _spreads[k];
            _absWeightsBefore[k + 1] = _absWeightsBefore[k] + absWeightSums[k];
        }

        _military = military.ToArray();
        _visits = visits.ToArray();
        _contacts = contacts.ToArray();
        _weightGroups = groups.Values.Select(g => g.ToArray()).ToArray();
        _agreements = agreements
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new AgreementTrack(a.Key, titles.TryGetValue(a.Key, out var t) ? t.Title : null, a.Value.ToArray()))
            .ToArray();
        _missions = missions
            .OrderBy(m => m.Key.Owner, StringComparer.Ordinal).ThenBy(m => m.Key.Kind, StringComparer.Ordinal).ThenBy(m => m.Key.City, StringComparer.Ordinal)
            .Select(m => new MissionTrack(m.Key, m.Value.ToArray()))
            .ToArray();
    }

    private static void AddTo<TKey>(Dictionary<TKey, List<int>> lists, TKey key, int position) where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(position);
    }

    // Strictly: on equal keys the one met first (earlier in `known`) stays, as with the reference's stable sort.
    private static bool RecordedEarlier(DevelopmentFacts a, DevelopmentFacts b) =>
        a.RecordedAt < b.RecordedAt || (a.RecordedAt == b.RecordedAt && a.Version < b.Version);

    /// <param name="known">The developments that count at some knownAt, sorted by <see cref="DevelopmentFacts.Chronological"/>
    /// (as <see cref="Development.KnownAt"/> gives them).</param>
    public static TimelineIndex Build(IReadOnlyList<DevelopmentFacts> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return new TimelineIndex(known.ToArray());
    }

    /// <summary>How many developments the index holds.</summary>
    public int Count => _known.Length;

    /// <summary>The indexed developments, chronologically.</summary>
    public IReadOnlyList<DevelopmentFacts> Known => _known;

    /// <summary>The same reading as the reference reading (RelationScoring, in the tests) over the indexed developments.</summary>
    public RelationReading Read(DateOnly asOf, int halfLifeDays)
    {
        CheckHalfLife(halfLifeDays);
        var earlierDate = asOf.AddDays(-WarmingScore.TrendDays);
        var windowStart = asOf.AddDays(-(WarmingScore.WindowDays - 1));
        var (raw, earlierRaw) = RawsForReading(asOf.DayNumber, earlierDate.DayNumber, halfLifeDays);
        var score = WarmingScore.Score(raw);
        var earlier = WarmingScore.Score(earlierRaw);

        var counting = CountThrough(asOf.DayNumber);
        var windowFrom = CountBefore(_effectiveDays, windowStart.DayNumber);
        var (militaryCount, lastMilitary) = InWindow(_military, windowFrom, counting);
        var (visitCount, _) = InWindow(_visits, windowFrom, counting);
        var lastContact = Latest(_contacts, counting);

        return new RelationReading(
            raw,
            score,
            score - earlier,
            Agreements(counting),
            Missions(counting),
            new MilitaryActivity(militaryCount, lastMilitary?.OccurredOn),
            lastContact?.OccurredOn,
            visitCount,
            counting,
            TopContributors(counting, asOf, halfLifeDays));
    }

    /// <summary>The same points as the reference (RelationScoring, in the tests) over the indexed developments.</summary>
    public IReadOnlyList<ScorePoint> Series(IEnumerable<DateOnly> dates, int halfLifeDays)
    {
        ArgumentNullException.ThrowIfNull(dates);
        CheckHalfLife(halfLifeDays);
        var points = dates.ToArray();
        var decay = Decays.For(this, Array.ConvertAll(points, d => d.DayNumber), halfLifeDays);

        var series = new List<ScorePoint>(points.Length);
        foreach (var date in points)
        {
            var day = date.DayNumber;
            var (raw, span) = FastRaw(day, decay);
            if (!PointSettles(span))
            {
                (raw, span) = TightRaw(day, decay);
                if (!PointSettles(span)) raw = ExactRaw(day, decay);
            }
            series.Add(new ScorePoint(date, raw, WarmingScore.Score(raw)));
        }
        return series;
    }

    // Below 1 the decay is meaningless (and no table could be built); the reference takes any other value.
    private static void CheckHalfLife(int halfLifeDays) =>
        ArgumentOutOfRangeException.ThrowIfLessThan(halfLifeDays, WarmingScore.MinHalfLifeDays);
}
