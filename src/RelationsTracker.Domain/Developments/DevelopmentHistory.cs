using RelationsTracker.Scoring;

namespace RelationsTracker.Developments;

/// <summary>
/// What every reading needs of a <see cref="Development"/>'s recorded history, and no more: its fields as first
/// recorded, its sources, its corrections, when it was retracted and, of each report, its stance and source key. The
/// texts no reading shows (GDELT evidence, report quotes, a retraction's sources) are left out, so a node can hold
/// many relations' histories and load a relation's from one snapshot (docs/architecture.md, "Reads").
/// </summary>
public sealed record DevelopmentHistory(
    DevelopmentFacts Recorded,
    long LastVersion,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Correction> Corrections,
    DateTimeOffset? RetractedAt,
    long RetractedVersion,
    string? RetractionReason,
    IReadOnlyList<ReportMark> Reports)
{
    public Guid Id => Recorded.Id;
    public DateTimeOffset RecordedAt => Recorded.RecordedAt;

    public static DevelopmentHistory Of(Development d) => new(
        d.AsRecorded,
        d.LastVersion,
        d.Sources,
        d.Corrections,
        d.Retraction?.RecordedAt,
        d.Retraction?.Version ?? 0,
        d.Retraction?.Reason,
        [.. d.Reports.Select(r => new ReportMark(r.RecordedAt, r.Version, r.Stance, Corroboration.Key(r.Source)))]);

    public bool IsRetractedAt(DateTimeOffset knownAt) => RetractedAt is { } at && at <= knownAt;

    /// <summary>Its fields as corrected by <paramref name="knownAt"/>, the latest correction of each field winning, retracted or not; null when not yet recorded.</summary>
    public DevelopmentFacts? FieldsKnownAt(DateTimeOffset knownAt) =>
        RecordedAt > knownAt ? null : Recorded.CorrectedBy(Corrections, knownAt);

    /// <summary>What the tracker said about it at <paramref name="knownAt"/>: null when not yet recorded or already retracted.</summary>
    public DevelopmentFacts? AsKnownAt(DateTimeOffset knownAt) => IsRetractedAt(knownAt) ? null : FieldsKnownAt(knownAt);

    /// <summary>Every moment of recorded time at which something about it changed.</summary>
    public IEnumerable<DateTimeOffset> ChangeTimes =>
        Corrections.Select(c => c.RecordedAt).Concat(Reports.Select(r => r.RecordedAt)).Append(RecordedAt).Append(RetractedAt ?? RecordedAt);

    /// <summary>The last moment of recorded time at which anything about it changed.</summary>
    public DateTimeOffset LastChangedAt
    {
        get
        {
            var last = RetractedAt is { } retractedAt && retractedAt > RecordedAt ? retractedAt : RecordedAt;
            for (var i = 0; i < Corrections.Count; i++) if (Corrections[i].RecordedAt > last) last = Corrections[i].RecordedAt;
            for (var i = 0; i < Reports.Count; i++) if (Reports[i].RecordedAt > last) last = Reports[i].RecordedAt;
            return last;
        }
    }

    /// <summary>
    /// The developments known at <paramref name="knownAt"/>, with corrections applied, in chronological order; under
    /// corroborated weighting each with its factor cᵢ from the reports known by then.
    /// </summary>
    public static IReadOnlyList<DevelopmentFacts> KnownAt(IEnumerable<DevelopmentHistory> developments, DateTimeOffset knownAt, Weighting weighting = Weighting.Plain)
    {
        var known = new List<DevelopmentFacts>();
        foreach (var development in developments)
        {
            if (development.AsKnownAt(knownAt) is not { } facts) continue;
            known.Add(weighting == Weighting.Corroborated ? facts with { Corroboration = Corroboration.Of(development, knownAt).C } : facts);
        }
        known.Sort(DevelopmentFacts.Chronological);
        return known;
    }
}
