using System.Diagnostics.CodeAnalysis;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Dashboard;

/// <summary>The relations a chart overlays on its own, comma separated (<c>compare=GRC~TUR,LBY-WEST~TUR</c>): one to four.</summary>
public sealed record ComparedRelations(IReadOnlyList<RelationId> Relations) : IParsable<ComparedRelations>
{
    public const int Max = 4;

    public static string Problem(string? text)
    {
        var names = CommaList.Items(text);
        if (names.Length is 0 or > Max) return $"names {names.Length} relations; a chart compares its own with 1 to {Max} others";
        var bad = names.Where(n => !RelationId.TryParse(n, out _)).Select(n => $"'{n}'");
        return $"{string.Join(", ", bad)} is not a relation such as LBY-EAST~TUR";
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out ComparedRelations result)
    {
        var names = CommaList.Items(s);
        var relations = new List<RelationId>();
        foreach (var name in names)
            if (RelationId.TryParse(name, out var relation)) relations.Add(relation);
        result = names.Length is > 0 and <= Max && relations.Count == names.Length ? new ComparedRelations([.. relations.Distinct()]) : null;
        return result is not null;
    }

    public static ComparedRelations Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var compared) ? compared : throw new FormatException(Problem(s));
}
