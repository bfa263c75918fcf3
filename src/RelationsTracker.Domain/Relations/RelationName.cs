using System.Diagnostics.CodeAnalysis;

namespace RelationsTracker.Relations;

/// <summary>A relation in a query (<c>relation=LBY-EAST~TUR</c>): two different actor ids joined by '~', in either order.</summary>
public readonly record struct RelationName(RelationId Id) : IParsable<RelationName>
{
    public static string Problem(string? text) => $"'{text}' is not a relation such as LBY-EAST~TUR";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RelationName result)
    {
        var ok = RelationId.TryParse(s, out var id);
        result = ok ? new RelationName(id) : default;
        return ok;
    }

    public static RelationName Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var name) ? name : throw new FormatException(Problem(s));
}
