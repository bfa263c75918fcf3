using System.Text.RegularExpressions;

namespace RelationsTracker.Relations;

/// <summary>A country (<c>TUR</c>) or a faction of one (<c>LBY-EAST</c>).</summary>
public static partial class ActorId
{
    [GeneratedRegex("^[A-Z]{3}(-[A-Z0-9]{1,16})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public const string Description = "an actor id: three capital letters, optionally '-' and 1 to 16 capitals or digits (TUR, LBY-EAST)";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);
}
