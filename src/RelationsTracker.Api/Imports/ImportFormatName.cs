using System.Diagnostics.CodeAnalysis;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>An import's <c>format</c> in a query: <c>gdelt</c> or <c>csv</c>, exactly.</summary>
public readonly record struct ImportFormatName(ImportFormat Format) : IParsable<ImportFormatName>
{
    public static readonly IReadOnlyList<string> Names = ["gdelt", "csv"];

    public static string Problem(string? text) => $"'{text}' is not a format; use gdelt (a GDELT 2.0 events file) or csv";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ImportFormatName result)
    {
        ImportFormat? format = s switch { "gdelt" => ImportFormat.Gdelt, "csv" => ImportFormat.Csv, _ => null };
        result = new ImportFormatName(format ?? default);
        return format is not null;
    }

    public static ImportFormatName Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var name) ? name : throw new FormatException(Problem(s));
}
