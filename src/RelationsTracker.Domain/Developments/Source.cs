namespace RelationsTracker.Developments;

/// <summary>
/// Where a development was reported: an absolute http(s) <see cref="Url"/>, or a <see cref="Citation"/>
/// for a print or archived report, or both.
/// </summary>
public sealed record Source
{
    public string? Url { get; init; }
    public string? Citation { get; init; }
    public string? Publisher { get; init; }
    public OccurrenceDate? PublishedOn { get; init; }
    public string? Language { get; init; }
}
