namespace RelationsTracker.Api.Imports;

public sealed record RejectedRow(long Line, string Reason);
