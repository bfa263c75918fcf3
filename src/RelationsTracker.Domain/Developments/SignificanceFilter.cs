using System.Diagnostics.CodeAnalysis;

namespace RelationsTracker.Developments;

/// <summary>Significances in a query, comma separated (<c>significance=high,normal</c>).</summary>
public sealed record SignificanceFilter(IReadOnlySet<Significance> Significances) : IParsable<SignificanceFilter>
{
    public static string Problem(string? text) => $"'{text}' is not low, normal or high (or several, comma separated)";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out SignificanceFilter result)
    {
        var names = CommaList.Items(s);
        var significances = new HashSet<Significance>();
        foreach (var name in names)
            if (SignificanceScale.TryParse(name, out var significance)) significances.Add(significance);
            else { result = null; return false; }
        result = significances.Count > 0 ? new SignificanceFilter(significances) : null;
        return result is not null;
    }

    public static SignificanceFilter Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var filter) ? filter : throw new FormatException(Problem(s));
}
