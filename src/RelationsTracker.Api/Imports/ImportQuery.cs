using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>The query of POST /api/imports: the file's format (else from Content-Type) and whether it is all or nothing.</summary>
public class ImportQuery
{
    [FromQuery(Name = "format")]
    [Description("The file's format: a GDELT 2.0 events file (61 tab-separated columns) or a CSV of developments (docs/import.md). " +
                 "Default: from Content-Type (text/tab-separated-values or text/csv).")]
    public ImportFormatName? Format { get; set; }

    [FromQuery(Name = "url")]
    [Description("Import the file at this http(s) URL instead of a body (the host rules of webhook callbacks apply; docs/import.md). " +
                 "A GDELT index (lastupdate.txt or masterfilelist.txt) imports the latest events export it lists, checked against its size and MD5.")]
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

    /// <summary>Whether a URL names a GDELT 2.0 events export or index, so that its format need not be said.</summary>
    public static bool NamesGdeltFile(string url)
    {
        var name = new Uri(url).Segments[^1].ToLowerInvariant();
        return name.EndsWith(".export.csv") || name.EndsWith(".export.csv.zip") || name is "lastupdate.txt" or "masterfilelist.txt";
    }

    public const string NoFormatForUrl = "say which format the file at url is in: format=gdelt or format=csv (a URL ending in .export.CSV.zip, lastupdate.txt or masterfilelist.txt is taken for GDELT)";

    public const string NoFormat = "say which format the file is in: format=gdelt or format=csv (or Content-Type text/tab-separated-values or text/csv)";
}
