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
