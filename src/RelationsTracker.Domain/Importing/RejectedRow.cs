namespace RelationsTracker.Importing;

/// <summary>A row an import refused: its line in the file, why, and the kind of reason it is (counted per kind).</summary>
public sealed record RejectedRow(long Line, string Reason, string Kind = RejectionKind.Other);
