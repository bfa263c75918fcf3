namespace RelationsTracker.Importing;

/// <summary>One row's outcome: a candidate development, a mention of an event (a mentions file), or the reason it was rejected.</summary>
public readonly record struct RowOutcome(ImportCandidate? Candidate, RejectedRow? Rejected, GdeltMention? Mention = null);
