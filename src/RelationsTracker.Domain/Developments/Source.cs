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

/// <summary>A diplomatic mission: the sending side (<see cref="Owner"/>) keeps it in a city of the other side.</summary>
public sealed record Mission(string Owner, string Kind, string City)
{
    public static readonly IReadOnlyList<string> Kinds = ["consulate", "embassy"];
}
