namespace RelationsTracker.Scoring;

/// <summary>How a month left a relation: its score fell by 5 or more, rose by 5 or more, or neither.</summary>
public enum DigestVerdict
{
    Deteriorated,
    Unchanged,
    Improved,
}
