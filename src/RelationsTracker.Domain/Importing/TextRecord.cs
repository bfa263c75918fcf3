namespace RelationsTracker.Importing;

/// <summary>One record of a text file: its fields, or why it could not be read, and the line it starts on.</summary>
public sealed record TextRecord(long Line, IReadOnlyList<string> Fields, string? Error)
{
    public bool IsBad => Error is not null;
}
