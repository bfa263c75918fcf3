namespace RelationsTracker.Developments;

/// <summary>What a report says of a development: that it happened (confirms) or that it did not (disputes).</summary>
public enum ReportStance
{
    Confirms,
    Disputes,
}
