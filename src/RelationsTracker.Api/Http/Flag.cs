using System.Diagnostics.CodeAnalysis;

namespace RelationsTracker.Api.Http;

/// <summary>A yes-or-no query value: exactly <c>true</c> or <c>false</c>.</summary>
public readonly record struct Flag(bool Value) : IParsable<Flag>
{
    public static string Problem(string? text) => $"'{text}' is not true or false";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Flag result)
    {
        result = new Flag(s == "true");
        return s is "true" or "false";
    }

    public static Flag Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var flag) ? flag : throw new FormatException(Problem(s));
}
