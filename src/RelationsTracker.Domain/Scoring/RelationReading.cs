using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

/// <summary>How a relation stood at the end of an asOf day, counting what was known at some knownAt.</summary>
public sealed record RelationReading(
    double RawValue,
    double ScoreValue,
    double TrendValue,
    IReadOnlyList<AgreementStanding> Agreements,
    IReadOnlyList<MissionStanding> Missions,
    MilitaryActivity Military,
    OccurrenceDate? LastContact,
    int VisitsLast365Days,
    int DevelopmentCount,
    IReadOnlyList<Contributor> TopContributors)
{
    public decimal Score => WarmingScore.RoundScore(ScoreValue);
    public decimal Raw => WarmingScore.RoundRaw(RawValue);
    public decimal Trend => WarmingScore.RoundScore(TrendValue);
    public Phase Phase => WarmingScore.PhaseOf(Score);
    public Direction Direction => WarmingScore.DirectionOf(Trend);
}

public sealed record AgreementStanding(string Id, string? Title, string Status, OccurrenceDate Since);

public sealed record MissionStanding(string Owner, string Kind, string City, string Status, OccurrenceDate Since);

public sealed record MilitaryActivity(int ActivitiesLast365Days, OccurrenceDate? LastActivity);

public sealed record Contributor(Guid Id, DevelopmentType Type, OccurrenceDate OccurredOn, double Value)
{
    public decimal Contribution => WarmingScore.Round(Value, 3);
}

/// <summary>One point of a score series.</summary>
public sealed record ScorePoint(DateOnly Date, double RawValue, double ScoreValue)
{
    public decimal Score => WarmingScore.RoundScore(ScoreValue);
    public decimal Raw => WarmingScore.RoundRaw(RawValue);
    public Phase Phase => WarmingScore.PhaseOf(Score);
}
