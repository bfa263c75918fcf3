using System.Diagnostics.CodeAnalysis;

namespace RelationsTracker.Notifying;

/// <summary>The kinds of notification a stream wants, comma separated in a query (<c>kinds=phase-changed,development-recorded</c>).</summary>
public sealed record KindFilter(IReadOnlySet<string> Kinds) : IParsable<KindFilter>
{
    public static string Problem(string? text)
    {
        var kinds = Split(text);
        if (kinds.Count == 0) return "names no kind";
        var unknown = kinds.Where(k => !Notification.Kinds.Contains(k)).Select(k => $"'{k}'");
        return $"{string.Join(", ", unknown)} is not a notification kind; use {string.Join(", ", Notification.Kinds)}";
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out KindFilter result)
    {
        var kinds = Split(s);
        result = kinds.Count > 0 && kinds.All(Notification.Kinds.Contains) ? new KindFilter(kinds) : null;
        return result is not null;
    }

    public static KindFilter Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var filter) ? filter : throw new FormatException(Problem(s));

    private static HashSet<string> Split(string? text) => CommaList.Items(text).ToHashSet();
}
