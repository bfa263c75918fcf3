namespace RelationsTracker.Api.Http;

/// <summary>
/// An <c>If-Match</c> header on a relation (RFC 9110 §13.1.1): a list of strong entity tags, each the
/// relation's version in quotes, or <c>*</c> (the relation exists, whatever its version).
/// </summary>
public sealed record IfMatch(IReadOnlyList<long> Versions, bool Any)
{
    public const string Header = "If-Match";

    public static string ETagOf(long version) => $"\"{version}\"";

    public bool Matches(long currentVersion) => Any ? currentVersion > 0 : Versions.Contains(currentVersion);

    /// <summary>Null and no error when absent; an error when it is not a list of entity tags.</summary>
    public static bool TryParse(string? header, out IfMatch? ifMatch, out string? error)
    {
        ifMatch = null;
        error = null;
        if (header is null) return true;
        var text = header.Trim();
        if (text == "*")
        {
            ifMatch = new IfMatch([], Any: true);
            return true;
        }
        var versions = new List<long>();
        foreach (var raw in text.Split(','))
        {
            var tag = raw.Trim();
            // A weak tag never matches under If-Match's strong comparison, but it is well-formed.
            var weak = tag.StartsWith("W/", StringComparison.Ordinal);
            if (weak) tag = tag[2..];
            if (tag.Length < 2 || tag[0] != '"' || tag[^1] != '"' || tag[1..^1].Contains('"'))
            {
                error = "If-Match must be * or a list of quoted entity tags, such as \"3\" (the relation's version from its ETag)";
                return false;
            }
            if (!weak && long.TryParse(tag[1..^1], System.Globalization.NumberStyles.None, null, out var version)) versions.Add(version);
        }
        ifMatch = new IfMatch(versions, Any: false);
        return true;
    }
}
