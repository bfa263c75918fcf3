namespace RelationsTracker.Developments;

/// <summary>A diplomatic mission: the sending side (<see cref="Owner"/>) keeps it in a city of the other side.</summary>
public sealed record Mission(string Owner, string Kind, string City)
{
    public static readonly IReadOnlyList<string> Kinds = ["consulate", "embassy"];
}
