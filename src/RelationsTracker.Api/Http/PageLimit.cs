using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RelationsTracker.Api.Http;

/// <summary>How many items a page holds (<c>limit</c>): a whole number from 1 to 10,000.</summary>
public readonly record struct PageLimit(int Value) : IParsable<PageLimit>
{
    public const int Max = 10_000;
    public const int Default = 1_000;

    public static string Problem(string? text) => $"'{text}' is not a page size: a whole number from 1 to {Max:N0}";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PageLimit result)
    {
        var ok = int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Max;
        result = new PageLimit(ok ? n : Default);
        return ok;
    }

    public static PageLimit Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var limit) ? limit : throw new FormatException(Problem(s));
}
