using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RelationsTracker.Scoring;

/// <summary>A calendar month in a query (<c>month=2025-08</c>): exactly YYYY-MM, year 1000 or later.</summary>
public readonly record struct CalendarMonth(int Year, int Month) : IParsable<CalendarMonth>
{
    public static string Problem(string? text) => $"'{text}' is not a month YYYY-MM (year 1000 or later)";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CalendarMonth result)
    {
        var ok = DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                 && s!.Length == 7 && date.Year >= 1000;
        result = ok ? new CalendarMonth(date.Year, date.Month) : default;
        return ok;
    }

    public static CalendarMonth Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var month) ? month : throw new FormatException(Problem(s));

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
