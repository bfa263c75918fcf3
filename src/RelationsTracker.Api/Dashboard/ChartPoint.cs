using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Dashboard;

/// <summary>One point of the drawn series: the reported (rounded) score on a date.</summary>
public sealed record ChartPoint(DateOnly Date, decimal Score)
{
    public Phase Phase => WarmingScore.PhaseOf(Score);
}
