using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RelationsTracker.Api.Http;

/// <summary>A calendar date in a query (asOf, from, to): exactly YYYY-MM-DD, a real date, year 1000 or later.</summary>
public readonly record struct CalendarDate(DateOnly Value) : IParsable<CalendarDate>
{
    public static string Problem(string? text) => $"'{text}' is not a calendar date YYYY-MM-DD (year 1000 or later)";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CalendarDate result)
    {
        var ok = DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1000;
        result = ok ? new CalendarDate(date) : default;
        return ok;
    }

    public static CalendarDate Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var date) ? date : throw new FormatException(Problem(s));
}
