using System.Diagnostics.CodeAnalysis;

namespace RelationsTracker.Scoring;

/// <summary>The weighting of a read in a query: plain (the default) or corroborated (scoring.md, "Corroboration").</summary>
public readonly record struct WeightingName(Weighting Weighting) : IParsable<WeightingName>
{
    public static readonly IReadOnlyList<string> Names = ["plain", "corroborated"];

    public static string Problem(string? text) => $"'{text}' is not a weighting; use plain or corroborated";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out WeightingName result)
    {
        Weighting? weighting = s switch { "plain" => Weighting.Plain, "corroborated" => Weighting.Corroborated, _ => null };
        result = weighting is { } w ? new WeightingName(w) : default;
        return weighting is not null;
    }

    public static WeightingName Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var name) ? name : throw new FormatException(Problem(s));

    public static string NameOf(Weighting weighting) => weighting == Weighting.Corroborated ? "corroborated" : "plain";
}
