using RelationsTracker.Developments;

namespace RelationsTracker.Importing;

/// <summary>
/// Maps a GDELT event's CAMEO codes to a catalogue type: its EventCode, then its EventBaseCode, then its
/// EventRootCode (two digits, read as the three-digit code ending in 0: <c>04</c> → <c>040</c>) are looked up
/// among the catalogue's CAMEO codes, and the first that names a type wins. Only types whose development needs
/// nothing beyond the common fields are targets: an agreement type needs an agreement's slug and title and a
/// mission type a mission, which a GDELT row does not carry, so <c>057</c> (sign formal agreement) counts as
/// its root <c>050</c> (diplomatic cooperation) and <c>161</c> (reduce or break diplomatic relations) as
/// <c>160</c>. A code none of whose levels is in the catalogue has no type: the row is reported, not guessed.
/// </summary>
public static class CameoMapping
{
    private static readonly Dictionary<string, DevelopmentType> Plain = Catalogue.Entries
        .Where(e => e.Shape == DevelopmentShape.Plain)
        .ToDictionary(e => e.Cameo, e => e.Type, StringComparer.Ordinal);

    /// <summary>The catalogue type of a CAMEO event and the code that matched it, or why there is none.</summary>
    public static (DevelopmentType? Type, string? MatchedCode, string? Error) Map(string eventCode, string baseCode, string rootCode)
    {
        if (!IsCode(eventCode)) return (null, null, $"EventCode '{eventCode}' is not a CAMEO code (2 to 4 digits)");
        foreach (var code in Levels(eventCode, baseCode, rootCode))
        {
            if (Plain.TryGetValue(code, out var type)) return (type, code, null);
        }
        return (null, null, $"CAMEO {eventCode} has no catalogue type (by its code, its base code {Or(baseCode)} or its root code {Or(rootCode)})");
    }

    /// <summary>The codes tried, most specific first.</summary>
    public static IEnumerable<string> Levels(string eventCode, string baseCode, string rootCode)
    {
        yield return eventCode;
        if (IsCode(baseCode) && baseCode != eventCode) yield return baseCode;
        if (IsCode(rootCode)) yield return rootCode.Length == 2 ? rootCode + "0" : rootCode;
    }

    /// <summary>What the code means, as the CAMEO scale names it: the code itself if listed, else its base, else its root.</summary>
    public static string Describe(string eventCode, string baseCode, string rootCode)
    {
        foreach (var code in new[] { eventCode, baseCode, rootCode.Length == 2 ? rootCode + "0" : rootCode })
        {
            if (CameoScale.Codes.TryGetValue(code, out var listed))
                return listed.Description.Replace(", not specified below", "", StringComparison.Ordinal);
        }
        return $"CAMEO event {eventCode}";
    }

    private static bool IsCode(string code) => code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit);

    private static string Or(string code) => string.IsNullOrEmpty(code) ? "(none)" : code;
}
