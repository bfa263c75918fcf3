using RelationsTracker.Developments;

namespace RelationsTracker.Importing;

/// <summary>What a mention makes of its development: a confirming report, nothing (it is already there), or a rejection.</summary>
public sealed record MentionOutcome(ReportAdded? Report, RejectedRow? Rejected)
{
    public bool Already => Report is null && Rejected is null;
}
