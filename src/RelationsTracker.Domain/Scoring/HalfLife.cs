using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RelationsTracker.Scoring;

/// <summary>A half-life in a query (halfLifeDays): a whole number of days within the score model's range.</summary>
public readonly record struct HalfLife(int Days) : IParsable<HalfLife>
{
    public static string Problem(string? text) =>
        $"'{text}' is not a whole number of days from {WarmingScore.MinHalfLifeDays} to {WarmingScore.MaxHalfLifeDays}";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out HalfLife result)
    {
        var ok = int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && WarmingScore.IsValidHalfLife(days);
        result = ok ? new HalfLife(days) : default;
        return ok;
    }

    public static HalfLife Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var halfLife) ? halfLife : throw new FormatException(Problem(s));
}
