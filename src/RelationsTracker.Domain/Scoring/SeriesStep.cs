using System.Diagnostics.CodeAnalysis;

namespace RelationsTracker.Scoring;

/// <summary>The step of a score series in a query: day, week or month.</summary>
public readonly record struct SeriesStep(string Name) : IParsable<SeriesStep>
{
    public static readonly IReadOnlyList<string> Names = ["day", "week", "month"];

    public static string Problem(string? text) => $"'{text}' is not a step; use day, week or month";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SeriesStep result)
    {
        var ok = s is not null && Names.Contains(s);
        result = ok ? new SeriesStep(s!) : default;
        return ok;
    }

    public static SeriesStep Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var step) ? step : throw new FormatException(Problem(s));
}
