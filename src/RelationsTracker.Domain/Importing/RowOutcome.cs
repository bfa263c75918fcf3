namespace RelationsTracker.Importing;

/// <summary>One row's outcome: a candidate development or the reason it was rejected.</summary>
public readonly record struct RowOutcome(ImportCandidate? Candidate, RejectedRow? Rejected);
