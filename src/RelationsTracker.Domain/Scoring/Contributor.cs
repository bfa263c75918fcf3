using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

public sealed record Contributor(Guid Id, DevelopmentType Type, OccurrenceDate OccurredOn, double Value)
{
    public decimal Contribution => WarmingScore.Round(Value, 3);
}
