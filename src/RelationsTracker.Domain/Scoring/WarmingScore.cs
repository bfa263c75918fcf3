using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

/// <summary>The warming score of scoring.md: decayed Goldstein weights, squashed into −100..+100.</summary>
public static class WarmingScore
{
    public const int DefaultHalfLifeDays = 180;
    public const int MinHalfLifeDays = 1;
    public const int MaxHalfLifeDays = 3650;
    /// <summary>The trend compares the score with the score this many days earlier.</summary>
    public const int TrendDays = 90;
    /// <summary>The window of "last 365 days": [asOf − 364, asOf].</summary>
    public const int WindowDays = 365;

    public static bool IsValidHalfLife(int days) => days is >= MinHalfLifeDays and <= MaxHalfLifeDays;

    /// <summary>2^(−Δ/H): how much of its weight a development keeps after <paramref name="days"/>.</summary>
    public static double Decay(int days, int halfLifeDays) => Math.Pow(2, -(double)days / halfLifeDays);

    public static double Contribution(double signedWeight, DateOnly effectiveDate, DateOnly asOf, int halfLifeDays) =>
        signedWeight * Decay(asOf.DayNumber - effectiveDate.DayNumber, halfLifeDays);

    /// <summary>The contribution of one development to the score at <paramref name="asOf"/> (0 before it takes effect).</summary>
    public static double ContributionAt(DevelopmentFacts d, DateOnly asOf, int halfLifeDays) =>
        d.EffectiveDate > asOf ? 0 : Contribution(d.SignedWeight, d.EffectiveDate, asOf, halfLifeDays);

    public static double Score(double raw) => 100 * Math.Tanh(raw / 25);

    /// <summary>Reported values are rounded half away from zero; the decimal conversion drops binary noise first.</summary>
    public static decimal Round(double value, int decimals) =>
        Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    public static decimal RoundScore(double score) => Round(score, 1);
    public static decimal RoundRaw(double raw) => Round(raw, 3);

    public static Phase PhaseOf(decimal roundedScore) => roundedScore switch
    {
        <= -50m => Phase.Hostile,
        <= -15m => Phase.Strained,
        < 15m => Phase.Neutral,
        < 50m => Phase.Cordial,
        _ => Phase.Close,
    };

    public static Direction DirectionOf(decimal roundedTrend) => roundedTrend switch
    {
        >= 5m => Direction.Warming,
        <= -5m => Direction.Cooling,
        _ => Direction.Stable,
    };

    public static string Name(this Phase phase) => phase.ToString().ToLowerInvariant();
    public static string Name(this Direction direction) => direction.ToString().ToLowerInvariant();
}
