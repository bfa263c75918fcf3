using System.Diagnostics.CodeAnalysis;

namespace RelationsTracker.Relations;

/// <summary>An actor id in a query (<c>actor=LBY-EAST</c>).</summary>
public readonly record struct ActorName(string Id) : IParsable<ActorName>
{
    public static string Problem(string? text) => $"'{text}' is not {ActorId.Description}";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ActorName result)
    {
        var ok = ActorId.IsValid(s);
        result = ok ? new ActorName(s!) : default;
        return ok;
    }

    public static ActorName Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var name) ? name : throw new FormatException(Problem(s));
}
