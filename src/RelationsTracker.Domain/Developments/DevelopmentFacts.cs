namespace RelationsTracker.Developments;

/// <summary>A development as it counts at some moment of recorded time (see <see cref="Development.AsKnownAt"/>).</summary>
public sealed record DevelopmentFacts(
    Guid Id,
    DevelopmentType Type,
    OccurrenceDate OccurredOn,
    string Actor,
    Significance Significance,
    string Summary,
    string? Agreement,
    string? Title,
    Mission? Mission,
    DateTimeOffset RecordedAt,
    long Version,
    string? CameoCode = null,
    double Corroboration = 1.0)
{
    public DateOnly EffectiveDate => OccurredOn.EffectiveDate;

    /// <summary>The fields a correction names replace these; those it leaves out stay (the one place a correction is applied).</summary>
    public DevelopmentFacts CorrectedBy(Correction correction) => this with
    {
        Type = correction.Type ?? Type,
        OccurredOn = correction.OccurredOn ?? OccurredOn,
        Significance = correction.Significance ?? Significance,
        Summary = correction.Summary ?? Summary,
        CameoCode = correction.CameoCode ?? CameoCode,
    };

    /// <summary>These fields with every correction recorded by <paramref name="knownAt"/> applied in recorded order, the latest of each field winning.</summary>
    public DevelopmentFacts CorrectedBy(IReadOnlyList<Correction> corrections, DateTimeOffset knownAt)
    {
        if (corrections.Count == 0) return this;
        var facts = this;
        foreach (var correction in corrections.OrderBy(c => c.RecordedAt).ThenBy(c => c.Version))
        {
            if (correction.RecordedAt > knownAt) break;
            facts = facts.CorrectedBy(correction);
        }
        return facts;
    }

    /// <summary>
    /// The Goldstein weight (its exact code's value when it has one, else its type's) times the significance multiplier,
    /// times its corroboration factor cᵢ under corroborated weighting (1 under plain: <see cref="Corroboration"/>).
    /// </summary>
    public double SignedWeight => Weight * Significance.Multiplier() * Corroboration;

    public double Weight => CameoCode is { } code ? CameoScale.Codes[code].Value : Catalogue.Of(Type).Weight;

    /// <summary>The order "latest" means in scoring.md: effective date, then recorded time, then stream order.</summary>
    public static readonly IComparer<DevelopmentFacts> Chronological = Comparer<DevelopmentFacts>.Create((a, b) =>
    {
        var c = a.EffectiveDate.CompareTo(b.EffectiveDate);
        if (c != 0) return c;
        c = a.RecordedAt.CompareTo(b.RecordedAt);
        return c != 0 ? c : a.Version.CompareTo(b.Version);
    });
}
