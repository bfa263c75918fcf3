using System.Globalization;
using System.Text.RegularExpressions;

namespace RelationsTracker.Developments;

/// <summary>
/// CAMEO SCALE 0.5B1, the Goldstein value and description of every CAMEO event code (CAMEO.SCALE.txt, as published,
/// embedded in this assembly). A development's exact code (<c>cameo</c>) weighs its value here (scoring.md, "Catalogue
/// version 2").
/// </summary>
public static partial class CameoScale
{
    /// <summary>Every listed code: two digits for a root, three or four for an event code.</summary>
    public static readonly IReadOnlyDictionary<string, CameoCode> Codes = Read();

    /// <summary>A code a development may carry: three or four digits, listed.</summary>
    public static bool IsEventCode(string code) => code.Length is 3 or 4 && Codes.ContainsKey(code);

    public static string RootOf(string code) => code[..2];

    private static Dictionary<string, CameoCode> Read()
    {
        using var stream = typeof(CameoScale).Assembly.GetManifestResourceStream("CAMEO.SCALE.txt")
                           ?? throw new InvalidOperationException("CAMEO.SCALE.txt is not embedded in the domain assembly");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (Line().Match(line) is not { Success: true } m) continue;
            var code = m.Groups["code"].Value;
            codes[code] = new CameoCode(code, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture), m.Groups["text"].Value.Trim());
        }
        return codes;
    }

    // "  0211:[3.4] Appeal for diplomatic cooperation"
    [GeneratedRegex(@"^\s*(?<code>\d{2,4}):\[(?<value>-?\d+(\.\d+)?)\]\s*(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
