using Microsoft.Net.Http.Headers;

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

    /// <summary>Null and no error when absent; an error when it is not a list of entity tags (ASP.NET Core's parser).</summary>
    public static bool TryParse(string? header, out IfMatch? ifMatch, out string? error)
    {
        ifMatch = null;
        error = null;
        if (header is null) return true;
        if (!EntityTagHeaderValue.TryParseStrictList([header], out var tags) || tags.Count == 0)
        {
            error = "If-Match must be * or a list of quoted entity tags, such as \"3\" (the relation's version from its ETag)";
            return false;
        }
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            ifMatch = new IfMatch([], Any: true);
            return true;
        }
        // A weak tag never matches under If-Match's strong comparison, but it is well-formed.
        var versions = new List<long>();
        foreach (var tag in tags.Where(t => !t.IsWeak))
        {
            if (long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), System.Globalization.NumberStyles.None, null, out var version)) versions.Add(version);
        }
        ifMatch = new IfMatch(versions, Any: false);
        return true;
    }
}
