namespace RelationsTracker.Scoring;

// The raw sums of the index, and when they report exactly as the reference's (see the remarks in TimelineIndex.cs).
public sealed partial class TimelineIndex
{
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
}
