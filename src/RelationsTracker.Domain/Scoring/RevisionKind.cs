namespace RelationsTracker.Scoring;

/// <summary>What a revision did to a development: recorded it, corrected it, or retracted it.</summary>
public enum RevisionKind
{
    Recorded,
    Corrected,
    Retracted,
}
