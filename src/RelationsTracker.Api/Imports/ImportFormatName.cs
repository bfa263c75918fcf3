using System.Diagnostics.CodeAnalysis;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>An import's <c>format</c> in a query: <c>gdelt</c>, <c>csv</c> or <c>gdelt-mentions</c>, exactly.</summary>
public readonly record struct ImportFormatName(ImportFormat Format) : IParsable<ImportFormatName>
{
    public static readonly IReadOnlyList<string> Names = ["gdelt", "csv", "gdelt-mentions"];

    public static string Problem(string? text) =>
        $"'{text}' is not a format; use gdelt (a GDELT 2.0 events file), csv or gdelt-mentions (a GDELT 2.0 mentions file)";

    /// <summary>The format's name, as queries give it and imports show it.</summary>
    public static string NameOf(ImportFormat format) => Names[(int)format];

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ImportFormatName result)
    {
        var at = s is null ? -1 : Names.ToList().IndexOf(s);
        result = new ImportFormatName(at < 0 ? default : (ImportFormat)at);
        return at >= 0;
    }

    public static ImportFormatName Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var name) ? name : throw new FormatException(Problem(s));

    /// <summary>The format of a stored import (<see cref="ImportRun.Format"/>).</summary>
    public static ImportFormat Of(ImportRun run) => Parse(run.Format, null).Format;
}
