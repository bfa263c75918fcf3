using System.Globalization;
using System.Text.RegularExpressions;
using RelationsTracker.Api.Http;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// The query parameters of the read routes, parsed strictly: a bad one is a 400 naming it, never a guess.
/// asOf is a calendar date (the end of that day); knownAt an instant with its offset; halfLifeDays 1 to 3650.
/// </summary>
public static partial class ReadParameters
{
    // An instant with a time-zone designator, to the 100 ns DateTimeOffset keeps.
    public const string InstantPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$";

    [GeneratedRegex(InstantPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Instant();

    public static DateOnly? Date(HttpRequest request, string name, FieldErrors errors)
    {
        if (Single(request, name, errors) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1000)
            return date;
        errors.Add(name, $"'{text}' is not a calendar date YYYY-MM-DD (year 1000 or later)");
        return null;
    }

    public static DateTimeOffset? KnownAt(HttpRequest request, FieldErrors errors)
    {
        if (Single(request, "knownAt", errors) is not { } text) return null;
        // An unencoded '+' in a query string arrives as a space.
        var normalized = text.Length > 6 && text[^6] == ' ' ? text[..^6] + "+" + text[^5..] : text;
        if (Instant().IsMatch(normalized)
            && DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant.ToUniversalTime();
        errors.Add("knownAt", $"'{text}' is not an instant such as 2025-09-01T12:00:00Z (ISO 8601 with Z or an offset)");
        return null;
    }

    public static int HalfLifeDays(HttpRequest request, FieldErrors errors)
    {
        if (Single(request, "halfLifeDays", errors) is not { } text) return WarmingScore.DefaultHalfLifeDays;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && WarmingScore.IsValidHalfLife(days))
            return days;
        errors.Add("halfLifeDays", $"'{text}' is not a whole number of days from {WarmingScore.MinHalfLifeDays} to {WarmingScore.MaxHalfLifeDays}");
        return WarmingScore.DefaultHalfLifeDays;
    }

    /// <summary>The parameter's one value; given twice is an error.</summary>
    public static string? Single(HttpRequest request, string name, FieldErrors errors)
    {
        if (!request.Query.TryGetValue(name, out var values)) return null;
        if (values.Count > 1)
        {
            errors.Add(name, "is given more than once");
            return null;
        }
        return values[0];
    }
}
