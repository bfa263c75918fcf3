using System.Diagnostics.CodeAnalysis;

namespace RelationsTracker.Developments;

/// <summary>Catalogue types in a query, comma separated (<c>type=OfficialVisit,MilitaryCooperation</c>).</summary>
public sealed record DevelopmentTypeFilter(IReadOnlySet<DevelopmentType> Types) : IParsable<DevelopmentTypeFilter>
{
    public static string Problem(string? text)
    {
        var names = Split(text);
        if (names.Count == 0) return "names no type";
        var unknown = names.Where(n => !Catalogue.TryParseType(n, out _)).Select(n => $"'{n}'");
        return $"{string.Join(", ", unknown)} is not a development type of the catalogue (docs/scoring.md), such as OfficialVisit";
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out DevelopmentTypeFilter result)
    {
        var types = new HashSet<DevelopmentType>();
        var names = Split(s);
        foreach (var name in names)
        {
            if (!Catalogue.TryParseType(name, out var type)) break;
            types.Add(type);
        }
        result = names.Count > 0 && types.Count == names.Distinct().Count() ? new DevelopmentTypeFilter(types) : null;
        return result is not null;
    }

    public static DevelopmentTypeFilter Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var filter) ? filter : throw new FormatException(Problem(s));

    private static List<string> Split(string? text) => [.. CommaList.Items(text)];
}
