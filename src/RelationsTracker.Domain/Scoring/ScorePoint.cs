namespace RelationsTracker.Scoring;

/// <summary>One point of a score series.</summary>
public sealed record ScorePoint(DateOnly Date, double RawValue, double ScoreValue)
{
    public decimal Score => WarmingScore.RoundScore(ScoreValue);
    public decimal Raw => WarmingScore.RoundRaw(RawValue);
    public Phase Phase => WarmingScore.PhaseOf(Score);
}
