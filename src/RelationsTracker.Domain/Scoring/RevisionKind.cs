namespace RelationsTracker.Scoring;

/// <summary>What a revision did to a development: recorded it, corrected it, retracted it, or added a report on it.</summary>
public enum RevisionKind
{
    Recorded,
    Corrected,
    Retracted,
    Reported,
}
