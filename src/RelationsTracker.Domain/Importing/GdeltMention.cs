using RelationsTracker.Writing;

namespace RelationsTracker.Importing;

/// <summary>
/// The columns of a GDELT 2.0 mentions row the import reads (the mentions codebook's 16 tab-separated columns,
/// 0-based: 0 GLOBALEVENTID, 1 EventTimeDate, 2 MentionTimeDate, 3 MentionType, 4 MentionSourceName,
/// 5 MentionIdentifier, ..., 11 Confidence): one article that mentions one event.
/// </summary>
public sealed record GdeltMention(long Line, string GlobalEventId, string MentionTimeDate, string MentionType, string SourceName, string Identifier, int Confidence)
{
    public const int Columns = 16;

    /// <summary>MentionType 1: the identifier is the article's URL; other types (a citation, a DOI) are cited as text.</summary>
    public const string Web = "1";

    public static (GdeltMention? Mention, string? Error) Parse(long line, IReadOnlyList<string> fields)
    {
        if (fields.Count != Columns)
            return (null, $"has {fields.Count} tab-separated columns, not the {Columns} of a GDELT 2.0 mentions row");
        var id = fields[0].Trim();
        if (id.Length == 0 || !id.All(char.IsAsciiDigit)) return (null, $"GLOBALEVENTID '{fields[0]}' is not a number");
        var identifier = fields[5].Trim();
        if (identifier.Length == 0) return (null, "MentionIdentifier is empty: the mention names no article");
        int.TryParse(fields[11].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var confidence);
        return (new GdeltMention(line, id, fields[2].Trim(), fields[3].Trim(), fields[4].Trim(), identifier, confidence), null);
    }

    /// <summary>The article as a report's source: its URL (or, for other mention types, its identifier as a citation), its publisher, its day.</summary>
    public SourceRequest Source()
    {
        var isUrl = MentionType == Web && DevelopmentFields.IsWebUrl(Identifier);
        return new SourceRequest
        {
            Url = isUrl ? Identifier : null,
            Citation = isUrl ? null : Identifier,
            Publisher = SourceName.Length > 0 ? SourceName : null,
            PublishedOn = GdeltEvent.IsoDay(MentionTimeDate),
        };
    }
}
