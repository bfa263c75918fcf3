using System.Globalization;
using System.Text.Json.Serialization;

namespace RelationsTracker.Developments;

/// <summary>
/// When a development occurred, as precisely as the sources say: <c>2025</c>, <c>2025-08</c> or
/// <c>2025-08-25</c>. The form sets the precision and is always given back unchanged; the
/// <see cref="EffectiveDate"/> (the first day of the period) is what the score counts from.
/// </summary>
[JsonConverter(typeof(OccurrenceDateJsonConverter))]
public readonly record struct OccurrenceDate : IComparable<OccurrenceDate>
{
    public DateOnly EffectiveDate { get; }
    public DatePrecision Precision { get; }

    private OccurrenceDate(DateOnly effectiveDate, DatePrecision precision) =>
        (EffectiveDate, Precision) = (effectiveDate, precision);

    public static OccurrenceDate Year(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);
    public static OccurrenceDate Month(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);
    public static OccurrenceDate Day(DateOnly date) => new(date, DatePrecision.Day);

    public const string FormatDescription =
        "a date as YYYY, YYYY-MM or YYYY-MM-DD (zero-padded, a real calendar date, year 1000 or later)";

    /// <summary>Strict: exactly 4, 7 or 10 characters, zero-padded digits, a real date, year ≥ 1000.</summary>
    public static bool TryParse(string? text, out OccurrenceDate date)
    {
        date = default;
        if (text is null) return false;
        if (text.Length is not (4 or 7 or 10)) return false;
        if (!TryDigits(text, 0, 4, out var year) || year < 1000) return false;
        if (text.Length == 4)
        {
            date = Year(year);
            return true;
        }
        if (text[4] != '-' || !TryDigits(text, 5, 2, out var month) || month is < 1 or > 12) return false;
        if (text.Length == 7)
        {
            date = Month(year, month);
            return true;
        }
        if (text[7] != '-' || !TryDigits(text, 8, 2, out var day)) return false;
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = Day(new DateOnly(year, month, day));
        return true;
    }

    public static OccurrenceDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not {FormatDescription}");

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => EffectiveDate.Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => EffectiveDate.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
    };

    public int CompareTo(OccurrenceDate other)
    {
        var byDate = EffectiveDate.CompareTo(other.EffectiveDate);
        return byDate != 0 ? byDate : Precision.CompareTo(other.Precision);
    }
}
