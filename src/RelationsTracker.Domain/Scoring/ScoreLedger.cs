using System.Runtime.InteropServices;
using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

/// <summary>
/// A relation's score kept up to date one change at a time, for following a stream of events in order
/// (the notifications): adding, correcting or retracting a development costs a dictionary update, and the
/// score at any asOf one pass over the distinct effective days. Knows only what was folded into it.
/// </summary>
public sealed class ScoreLedger
{
    private readonly Dictionary<Guid, DevelopmentFacts> _developments = new();
    // The developments of each effective day (DayNumber) and their Σ signed weight, summed afresh on every
    // change so that a retraction leaves no rounding residue behind. Empty days are removed. Kept as two lists
    // sorted by day rather than a SortedDictionary: Raw walks every day twice per event the notifications
    // follow, and a walk over contiguous memory is several times faster than one over a tree's nodes; a new
    // day costs a shift of the lists, once per day, not per read.
    private readonly List<int> _dayNumbers = [];
    private readonly List<Day> _days = [];

    private sealed class Day
    {
        public readonly List<DevelopmentFacts> Developments = [];
        public double Weight;

        public void Sum() => Weight = Developments.Sum(d => d.SignedWeight);
    }

    public long Version { get; private set; }

    public int Count => _developments.Count;

    public static ScoreLedger Of(IEnumerable<DevelopmentFacts> known, long version)
    {
        var ledger = new ScoreLedger { Version = version };
        foreach (var facts in known) ledger.Put(facts);
        return ledger;
    }

    /// <summary>A development's fields as folded so far, or null when it is not (yet, or any longer) counted.</summary>
    public DevelopmentFacts? Find(Guid id) => _developments.GetValueOrDefault(id);

    /// <summary>Folds in the event at <paramref name="version"/>; answers the development's fields after it (before, for a retraction).</summary>
    public DevelopmentFacts? Apply(IDevelopmentEvent e, DateTimeOffset recordedAt, long version)
    {
        Version = version;
        switch (e)
        {
            case DevelopmentRecorded recorded:
                var facts = Development.Recorded("", recorded, recordedAt, version).FieldsKnownAt(recordedAt)!;
                Put(facts);
                return facts;
            case DevelopmentCorrected corrected when Remove(corrected.DevelopmentId) is { } old:
                var fixedFacts = old.CorrectedBy(Correction.Of(recordedAt, version, corrected));
                Put(fixedFacts);
                return fixedFacts;
            case DevelopmentRetracted retracted:
                return Remove(retracted.DevelopmentId);
            case ReportAdded report:
                // A report changes no field and, under plain weighting, no score.
                return _developments.GetValueOrDefault(report.DevelopmentId);
            default:
                return null;
        }
    }

    /// <summary>raw at the end of asOf, as scoring.md defines it.</summary>
    public double Raw(DateOnly asOf, int halfLifeDays)
    {
        var raw = 0.0;
        var day = asOf.DayNumber;
        var numbers = CollectionsMarshal.AsSpan(_dayNumbers);
        var days = CollectionsMarshal.AsSpan(_days);
        for (var i = 0; i < numbers.Length; i++)
        {
            var effective = numbers[i];
            if (effective > day) break;
            raw += days[i].Weight * Decay(day - effective, halfLifeDays);
        }
        return raw;
    }

    // The notification subscription asks for the default half-life twice per event, over every distinct
    // effective day of the relation (9,500 of them at 100,000 developments spread over 26 years). Its decays by
    // whole days are computed once and shared: WarmingScore.Decay's own values, so every sum is unchanged to
    // the last bit, for one multiply-add per day instead of a Math.Pow.
    private const int MostTabledDays = 200_000;
    private static double[] _defaultDecays = [];

    private static double Decay(int days, int halfLifeDays)
    {
        if (halfLifeDays != WarmingScore.DefaultHalfLifeDays || days > MostTabledDays) return WarmingScore.Decay(days, halfLifeDays);
        var table = _defaultDecays;
        if (days >= table.Length)
        {
            // Replaced whole, never changed in place: a reader on another thread sees the old table or the new.
            table = new double[Math.Min(MostTabledDays + 1, Math.Max(days + 1, 2 * table.Length))];
            for (var k = 0; k < table.Length; k++) table[k] = WarmingScore.Decay(k, halfLifeDays);
            _defaultDecays = table;
        }
        return table[days];
    }

    public decimal Score(DateOnly asOf, int halfLifeDays) => WarmingScore.RoundScore(WarmingScore.Score(Raw(asOf, halfLifeDays)));

    public Phase Phase(DateOnly asOf, int halfLifeDays) => WarmingScore.PhaseOf(Score(asOf, halfLifeDays));

    private void Put(DevelopmentFacts facts)
    {
        _developments[facts.Id] = facts;
        var key = facts.EffectiveDate.DayNumber;
        var at = _dayNumbers.BinarySearch(key);
        if (at < 0)
        {
            at = ~at;
            _dayNumbers.Insert(at, key);
            _days.Insert(at, new Day());
        }
        var day = _days[at];
        day.Developments.Add(facts);
        day.Sum();
    }

    private DevelopmentFacts? Remove(Guid id)
    {
        if (!_developments.Remove(id, out var facts)) return null;
        var at = _dayNumbers.BinarySearch(facts.EffectiveDate.DayNumber);
        var day = _days[at];
        day.Developments.RemoveAll(d => d.Id == id);
        if (day.Developments.Count == 0)
        {
            _dayNumbers.RemoveAt(at);
            _days.RemoveAt(at);
        }
        else day.Sum();
        return facts;
    }
}
