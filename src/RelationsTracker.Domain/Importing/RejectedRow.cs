namespace RelationsTracker.Importing;

/// <summary>A row an import refused: its line in the file and why.</summary>
public sealed record RejectedRow(long Line, string Reason);
