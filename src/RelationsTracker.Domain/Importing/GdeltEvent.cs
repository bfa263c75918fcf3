using RelationsTracker.Developments;

namespace RelationsTracker.Importing;

/// <summary>
/// The columns of a GDELT 2.0 event row the import reads (the event codebook's 61 tab-separated columns,
/// 0-based: 0 GLOBALEVENTID, 1 SQLDATE, 5–8 Actor1 Code/Name/CountryCode/KnownGroupCode, 15–18 the same for
/// Actor2, 26–28 EventCode/EventBaseCode/EventRootCode, 31–34 NumMentions/NumSources/NumArticles/AvgTone,
/// 51–58 ActionGeo (52 FullName, 53 CountryCode, 56 Lat, 57 Long), 59 DATEADDED, 60 SOURCEURL). CAMEO codes stay
/// strings: they have leading zeros.
/// </summary>
public sealed record GdeltEvent(
    string GlobalEventId,
    string SqlDate,
    GdeltActor Actor1,
    GdeltActor Actor2,
    string EventCode,
    string EventBaseCode,
    string EventRootCode,
    string DateAdded,
    string SourceUrl,
    GdeltEvidence Evidence)
{
    public const int Columns = 61;

    public static (GdeltEvent? Event, string? Error) Parse(IReadOnlyList<string> fields)
    {
        if (fields.Count != Columns)
            return (null, $"has {fields.Count} tab-separated columns, not the {Columns} of a GDELT 2.0 event row");
        var id = fields[0].Trim();
        if (id.Length == 0 || !id.All(char.IsAsciiDigit)) return (null, $"GLOBALEVENTID '{fields[0]}' is not a number");
        return (new GdeltEvent(
            id,
            fields[1].Trim(),
            new GdeltActor(fields[5].Trim(), fields[6].Trim(), fields[7].Trim(), fields[8].Trim()),
            new GdeltActor(fields[15].Trim(), fields[16].Trim(), fields[17].Trim(), fields[18].Trim()),
            fields[26].Trim(),
            fields[27].Trim(),
            fields[28].Trim(),
            fields[59].Trim(),
            fields[60].Trim(),
            new GdeltEvidence(id, Int(fields[31]), Int(fields[32]), Int(fields[33]), Number(fields[34]) ?? 0,
                Text(fields[52]), Text(fields[53]), Number(fields[56]), Number(fields[57]))), null);
    }

    // Evidence, not identity: a value GDELT left empty or malformed is kept as absent, not a reason to refuse the row.
    private static int Int(string text) => int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x : null;

    private static string? Text(string text) => text.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>SQLDATE (YYYYMMDD) as the development's date: <c>2016-10-13</c>.</summary>
    public static string? IsoDay(string yyyymmdd) =>
        yyyymmdd.Length >= 8 && yyyymmdd[..8].All(char.IsAsciiDigit) ? $"{yyyymmdd[..4]}-{yyyymmdd[4..6]}-{yyyymmdd[6..8]}" : null;
}
