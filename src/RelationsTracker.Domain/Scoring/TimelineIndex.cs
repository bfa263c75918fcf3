using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

/// <summary>
/// The developments known at some knownAt, indexed so that a reading at any asOf costs binary searches
/// plus one multiply-add per distinct effective day, instead of a pass over every development. Every
/// reported value is the same as <see cref="RelationScoring"/>'s (the reference); the tests hold the two
/// side by side on random histories. Immutable once built, so one index can serve concurrent reads.
/// </summary>
/// <remarks>
/// <b>Raw.</b> The reference sums one contribution per development; the index sums one per distinct
/// effective day (the day's signed weights added first). Both use <see cref="WarmingScore.Decay"/>, so the
/// two sums differ only by the rounding of additions: far below the reported precision, except when a value
/// sits on a rounding midpoint (it does: a low-significance visit two half-lives old is exactly 0.2375), or
/// where one sum is exactly a short value and the other is not (the JSON writes 0 and 0.000). So each sum
/// comes with the span of doubles the reference's sum can be; when every value in it reports alike, ours
/// does too, and otherwise that point is summed again exactly as the reference does it (same products,
/// same order, so the same bits). A cheap bound first, a tighter one if that is not enough.
/// </remarks>
public sealed class TimelineIndex
{
    private const int TopCount = RelationScoring.TopContributorCount;

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
    /// (as <see cref="RelationScoring.KnownAt"/> gives them).</param>
    public static TimelineIndex Build(IReadOnlyList<DevelopmentFacts> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return new TimelineIndex(known.ToArray());
    }

    /// <summary>How many developments the index holds.</summary>
    public int Count => _known.Length;

    /// <summary>The indexed developments, chronologically.</summary>
    public IReadOnlyList<DevelopmentFacts> Known => _known;

    /// <summary>The same reading as <see cref="RelationScoring.Read"/> over the indexed developments.</summary>
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

    /// <summary>The same points as <see cref="RelationScoring.Series"/> over the indexed developments.</summary>
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

    // ---- The score ----

    /// <summary>The raws at asOf and 90 days earlier, reporting raw, score and trend exactly as the reference's.</summary>
    private (double Raw, double Earlier) RawsForReading(int asOfDay, int earlierDay, int halfLifeDays)
    {
        var decay = Decays.For(this, [asOfDay, earlierDay], halfLifeDays);
        var (raw, span) = FastRaw(asOfDay, decay);
        var (earlier, earlierSpan) = FastRaw(earlierDay, decay);
        if (ReadingSettles(span, earlierSpan)) return (raw, earlier);
        (raw, span) = TightRaw(asOfDay, decay);
        (earlier, earlierSpan) = TightRaw(earlierDay, decay);
        if (ReadingSettles(span, earlierSpan)) return (raw, earlier);
        return (ExactRaw(asOfDay, decay), ExactRaw(earlierDay, decay));
    }

    /// <summary>The doubles a value of the reference's can be: Low ≤ it ≤ High (exactly it when Low == High).</summary>
    private readonly record struct Span(double Low, double High);

    /// <summary>
    /// Σ over distinct days ≤ asOf of (Σ signed weights that day) · decay, oldest first like the reference,
    /// with a cheap span for the reference's sum: the bound of <see cref="TightRaw"/> with every decay taken as 1.
    /// </summary>
    private (double Raw, Span Reference) FastRaw(int asOfDay, Decays decay)
    {
        var end = CountBefore(_days, asOfDay + 1);
        var raw = 0.0;
        if (decay.Table is { } table)
        {
            for (var k = 0; k < end; k++) raw += _weightSums[k] * table[asOfDay - _days[k]];
        }
        else
        {
            for (var k = 0; k < end; k++) raw += _weightSums[k] * WarmingScore.Decay(asOfDay - _days[k], decay.HalfLifeDays);
        }
        // Every weight 0: every product is 0, and both sums are exactly +0.
        if (_absWeightsBefore[end] == 0) return (raw, new Span(raw, raw));
        // Every partial sum is at most Σ|w| (decays are ≤ 1), and there are n + days of them.
        var operations = CountThrough(asOfDay) + end;
        return (raw, Around(raw, _spreadsBefore[end] + operations * _absWeightsBefore[end], operations));
    }

    /// <summary>
    /// The same sum, with a tighter span for the reference's. Each rounded operation errs by at most u = 2⁻⁵³
    /// of its result. Ours rounds the day sums (≤ count·u·Σ|w|), the products, and the additions
    /// (u·|partial sum|); the reference rounds one product and one addition per development, whose partial
    /// sums within day k are at most our partial sum before day k plus Σ|w|·decay of day k. So the two differ
    /// by at most u·Σₖ [(2·countₖ + 1)·Σ|w|ₖ·decayₖ + |partialₖ| + countₖ·|partialₖ₋₁|] and second-order terms.
    /// </summary>
    private (double Raw, Span Reference) TightRaw(int asOfDay, Decays decay)
    {
        var end = CountBefore(_days, asOfDay + 1);
        double raw = 0, spread = 0, partials = 0;
        for (var k = 0; k < end; k++)
        {
            var factor = decay.At(asOfDay - _days[k]);
            var before = Math.Abs(raw);
            raw += _weightSums[k] * factor;
            partials += _dayCounts[k] * before + Math.Abs(raw);
            spread += _spreads[k] * factor;
        }
        // Spread 0: every product is 0, and both sums are exactly +0.
        if (spread == 0) return (raw, new Span(raw, raw));
        return (raw, Around(raw, spread + partials, CountThrough(asOfDay) + end));
    }

    /// <summary>
    /// The span u·<paramref name="sum"/> either side of raw, doubled for second-order terms and the rounding
    /// of the bound itself, plus an absolute term for subnormal products. The reference's sum is a double in
    /// [raw − bound, raw + bound], hence in [fl(raw − bound), fl(raw + bound)]: round to nearest skips no double.
    /// </summary>
    private static Span Around(double raw, double sum, int operations)
    {
        var bound = 2 * UnitRoundoff * sum + 4.0 * (operations + 2) * double.Epsilon;
        return new Span(raw - bound, raw + bound);
    }

    /// <summary>The reference's sum itself: one product per development, in chronological order (the same bits).</summary>
    private double ExactRaw(int asOfDay, Decays decay)
    {
        var end = CountThrough(asOfDay);
        var raw = 0.0;
        for (var i = 0; i < end; i++) raw += _signedWeights[i] * decay.At(asOfDay - _effectiveDays[i]);
        return raw;
    }

    /// <summary>Whether every raw in the span reports the same raw and score.</summary>
    private static bool PointSettles(Span raw) =>
        ReportsAlike(raw, RawDecimals) && ReportsAlike(ScoreSpan(raw), ScoreDecimals);

    /// <summary>As <see cref="PointSettles"/>, and the same trend (score − earlier score; subtraction is monotone).</summary>
    private static bool ReadingSettles(Span raw, Span earlierRaw)
    {
        if (!PointSettles(raw)) return false;
        var (score, earlier) = (ScoreSpan(raw), ScoreSpan(earlierRaw));
        return ReportsAlike(new Span(score.Low - earlier.High, score.High - earlier.Low), ScoreDecimals);
    }

    /// <summary>
    /// The scores of the raws in the span: 100·tanh(raw/25) is monotone, and Math.Tanh is taken to be too.
    /// (An accurate tanh can only step back where its true value sits on a rounding boundary; over spans this
    /// narrow, typically under a billionth of the raw, the chance that such a step also lands on a reporting
    /// boundary is nil. Near ±100, where the reported text does hang on the last ulp, Math.Tanh moves by one
    /// ulp only every few units of raw, so the two ends almost always agree, and then all between does.)
    /// </summary>
    private static Span ScoreSpan(Span raw) => new(WarmingScore.Score(raw.Low), WarmingScore.Score(raw.High));

    /// <summary>
    /// Whether every double in the span is reported as the same decimal, trailing zeros included (the JSON
    /// writes them: 7 and 7.000 are different texts). The conversion to decimal (15 significant digits,
    /// trailing zeros dropped) and the rounding are monotone, so equal ends mean equal values for all between.
    /// A value with fewer decimals than asked (2.85, 7, 0) is written so only by the doubles that convert to
    /// exactly it; the others convert to something longer and are written 2.850, 7.000, 0.000. So when such
    /// a value is in the span, the whole span must convert to it.
    /// </summary>
    private static bool ReportsAlike(Span span, int decimals)
    {
        if (span.Low == span.High) return true;
        decimal low = (decimal)span.Low, high = (decimal)span.High;
        var value = Math.Round(low, decimals, MidpointRounding.AwayFromZero);
        if (value != Math.Round(high, decimals, MidpointRounding.AwayFromZero)) return false;
        var shorter = Math.Round(value, decimals - 1) == value;
        return !shorter || low == high || value < low || value > high;
    }

    /// <summary>
    /// <see cref="WarmingScore.Decay"/> by whole days for one half-life: from a table of 0..the longest span
    /// needed, filled once, when that takes fewer Math.Pow calls than one per (point, day); else Math.Pow
    /// each time. Either way the values are Decay's own, so the products are the reference's.
    /// </summary>
    private sealed class Decays
    {
        public int HalfLifeDays { get; }

        /// <summary>Covers every span from a point back to the first day, when there is one.</summary>
        public double[]? Table { get; }

        private Decays(int halfLifeDays, double[]? table) => (HalfLifeDays, Table) = (halfLifeDays, table);

        public double At(int days) => Table is { } table ? table[days] : WarmingScore.Decay(days, HalfLifeDays);

        public static Decays For(TimelineIndex index, int[] asOfDays, int halfLifeDays)
        {
            long pairs = 0;
            var longest = -1;
            foreach (var asOf in asOfDays)
            {
                var end = CountBefore(index._days, asOf + 1);
                if (end == 0) continue;
                pairs += end;
                longest = Math.Max(longest, asOf - index._days[0]);
            }
            if (longest < 0 || longest + 1L > pairs) return new Decays(halfLifeDays, null);
            var table = new double[longest + 1];
            for (var k = 0; k < table.Length; k++) table[k] = WarmingScore.Decay(k, halfLifeDays);
            return new Decays(halfLifeDays, table);
        }
    }

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

    /// <summary>The reference's top five, from a few candidates per group of equal |signed weight|.</summary>
    /// <remarks>
    /// Why the candidates cannot miss one the reference picks. The reference orders the counting
    /// developments by |rounded contribution| desc, effective date desc, recorded time desc, version desc,
    /// then (OrderBy is stable) position asc. Within a group of equal |w| = a, |contribution| is exactly
    /// a · Decay(Δ) (negating a product is exact, rounding half away from zero is symmetric); Decay grows with
    /// the effective date (2^x does, and neighbouring exponents −Δ/H differ by 1/H, which moves 2^x by far
    /// more than Math.Pow's error); and the conversion to decimal and the rounding are monotone. So if y comes after x in
    /// chronological order, y's rounded |contribution| is ≥ x's, and on a tie y's (effective date, recorded
    /// time, version) is ≥ x's too: y precedes x in the reference's order, unless those three keys are all
    /// equal. Hence a development x in the top five has at most four group members after it other than
    /// those with exactly x's keys (which sit right after it): x is one of its group's last five counting
    /// members, or has the same keys as the fifth-last. Those, for every group, are the candidates.
    /// </remarks>
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
            .Select(i => (i, d: _known[i], c: new Contributor(_known[i].Id, _known[i].Type, _known[i].OccurredOn, RelationScoring.ContributionAt(_known[i], asOf, halfLifeDays))))
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
