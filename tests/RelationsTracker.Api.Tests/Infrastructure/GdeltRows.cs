namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>GDELT 2.0 event rows as GDELT writes them (61 tab-separated columns), with the columns a test sets.</summary>
public static class GdeltRows
{
    /// <summary>
    /// A row: its GLOBALEVENTID, SQLDATE, actors (code, name, country, known group), EventCode (its base and root from
    /// it), DATEADDED that day, SOURCEURL (by default one of its own, from the id), and optionally its evidence.
    /// </summary>
    public static string Row(string id, string sqlDate, (string Code, string Name, string Country, string Group) actor1,
        (string Code, string Name, string Country, string Group) actor2, string eventCode, string? sourceUrl = null,
        (int Mentions, int Sources, int Articles, double Tone, string Place)? evidence = null)
    {
        var f = new string[61];
        Array.Fill(f, "");
        f[0] = id;
        f[1] = sqlDate;
        (f[5], f[6], f[7], f[8]) = actor1;
        (f[15], f[16], f[17], f[18]) = actor2;
        f[26] = eventCode;
        f[27] = eventCode.Length > 3 ? eventCode[..3] : eventCode;
        f[28] = eventCode[..2];
        if (evidence is { } e)
            (f[31], f[32], f[33], f[34], f[52]) = (e.Mentions.ToString(), e.Sources.ToString(), e.Articles.ToString(),
                e.Tone.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Place);
        f[59] = sqlDate + "151500";
        f[60] = sourceUrl ?? SourceOf(id);
        return string.Join('\t', f);
    }

    /// <summary>
    /// A mentions row as GDELT writes it (16 tab-separated columns): the event it mentions, when, the mention's type
    /// (1: the identifier is a URL), the source's name, the identifier, and GDELT's confidence.
    /// </summary>
    public static string Mention(string eventId, string identifier, string sourceName, string type = "1", string mentionTime = "20250404160000", int confidence = 80)
    {
        var f = new string[16];
        Array.Fill(f, "");
        (f[0], f[1], f[2], f[3], f[4], f[5]) = (eventId, "20250404151500", mentionTime, type, sourceName, identifier);
        (f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13]) = ("1", "-1", "120", "80", "1", confidence.ToString(), "2400", "-1.5");
        return string.Join('\t', f);
    }

    /// <summary>The SOURCEURL <see cref="Row"/> gives a row by default.</summary>
    public static string SourceOf(string id) => $"https://example.org/news/{id}";

    /// <summary>A GLOBALEVENTID no other test uses.</summary>
    public static string NewId() => Random.Shared.NextInt64(1_000_000_000_000, 9_000_000_000_000).ToString();
}
