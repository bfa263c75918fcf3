using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>The query of POST /api/imports: the file's format (else from Content-Type) and whether it is all or nothing.</summary>
public class ImportQuery
{
    [FromQuery(Name = "format")]
    [Description("The file's format: a GDELT 2.0 events file (61 tab-separated columns), a CSV of developments, or a GDELT 2.0 mentions " +
                 "file (16 columns; its articles become confirming reports of the developments imported from their events; docs/import.md). " +
                 "Default: from Content-Type (text/tab-separated-values or text/csv).")]
    public ImportFormatName? Format { get; set; }

    [FromQuery(Name = "url")]
    [Description("Import the file at this http(s) URL instead of a body (the host rules of webhook callbacks apply; docs/import.md). " +
                 "A GDELT index (lastupdate.txt or masterfilelist.txt) imports the latest events export it lists (with format=gdelt-mentions, " +
                 "the latest mentions file), checked against its size and MD5.")]
    public string? Url { get; set; }

    [FromQuery(Name = "atomic")]
    [Description("true: record nothing at all if any row is bad. false: record the good rows and report the bad ones with their line numbers.")]
    public Flag? Atomic { get; set; }

    /// <summary>The format named, else the one Content-Type names; null when neither does.</summary>
    public ImportFormat? FormatFor(string? contentType) =>
        Format?.Format ?? contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "text/csv" => ImportFormat.Csv,
            "text/tab-separated-values" => ImportFormat.Gdelt,
            _ => null,
        };

    /// <summary>The format a URL's file name says: a GDELT 2.0 events export or index, or a mentions file; null when it says none.</summary>
    public static ImportFormat? FormatOfGdeltFile(string url)
    {
        var name = new Uri(url).Segments[^1].ToLowerInvariant();
        if (name.EndsWith(".mentions.csv") || name.EndsWith(".mentions.csv.zip")) return ImportFormat.GdeltMentions;
        return name.EndsWith(".export.csv") || name.EndsWith(".export.csv.zip") || name is "lastupdate.txt" or "masterfilelist.txt" ? ImportFormat.Gdelt : null;
    }

    public const string NoFormatForUrl = "say which format the file at url is in: format=gdelt, csv or gdelt-mentions (a URL ending in .export.CSV.zip, lastupdate.txt or masterfilelist.txt is taken for GDELT, one ending in .mentions.CSV.zip for GDELT mentions)";

    public const string NoFormat = "say which format the file is in: format=gdelt, csv or gdelt-mentions (or Content-Type text/tab-separated-values or text/csv)";
}
