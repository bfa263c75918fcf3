namespace RelationsTracker.Developments;

/// <summary>
/// Fields of a development are corrected from this moment of recorded time. Absent fields stay as they were;
/// when several corrections are known, the latest of each field wins.
/// </summary>
public sealed record DevelopmentCorrected : IDevelopmentEvent
{
    public Guid DevelopmentId { get; init; }
    public string Reason { get; init; } = "";
    public OccurrenceDate? OccurredOn { get; init; }
    public DevelopmentType? Type { get; init; }
    public Significance? Significance { get; init; }
    public string? Summary { get; init; }
    public string? CameoCode { get; init; }
}
