using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RelationsTracker.Api.Http;

/// <summary>An instant in a query (knownAt): ISO 8601 with Z or an offset, to the 100 ns DateTimeOffset keeps; held in UTC.</summary>
public readonly partial record struct Instant(DateTimeOffset Value) : IParsable<Instant>
{
    public const string Pattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Form();

    public static string Problem(string? text) => $"'{text}' is not an instant such as 2025-09-01T12:00:00Z (ISO 8601 with Z or an offset)";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Instant result)
    {
        result = default;
        if (s is null) return false;
        // An unencoded '+' in a query string arrives as a space.
        var text = s.Length > 6 && s[^6] == ' ' ? s[..^6] + "+" + s[^5..] : s;
        if (!Form().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return false;
        result = new Instant(instant.ToUniversalTime());
        return true;
    }

    public static Instant Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var instant) ? instant : throw new FormatException(Problem(s));
}
