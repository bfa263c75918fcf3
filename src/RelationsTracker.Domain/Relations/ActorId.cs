using System.Text.RegularExpressions;

namespace RelationsTracker.Relations;

/// <summary>A country (<c>TUR</c>) or a faction of one (<c>LBY-EAST</c>).</summary>
public static partial class ActorId
{
    /// <summary>The pattern as text, for the OpenAPI document.</summary>
    public const string PatternText = "^[A-Z]{3}(-[A-Z0-9]{1,16})?$";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public const string Description = "an actor id: three capital letters, optionally '-' and 1 to 16 capitals or digits (TUR, LBY-EAST)";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);
}
