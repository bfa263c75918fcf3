namespace RelationsTracker.Developments;

public sealed record Correction(
    DateTimeOffset RecordedAt,
    long Version,
    string Reason,
    OccurrenceDate? OccurredOn,
    DevelopmentType? Type,
    Significance? Significance,
    string? Summary,
    string? CameoCode = null)
{
    public static Correction Of(DateTimeOffset recordedAt, long version, DevelopmentCorrected e) =>
        new(recordedAt, version, e.Reason, e.OccurredOn, e.Type, e.Significance, e.Summary, e.CameoCode);
}
