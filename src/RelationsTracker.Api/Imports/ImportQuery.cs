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

    public const string NoFormat = "say which format the file is in: format=gdelt or format=csv (or Content-Type text/tab-separated-values or text/csv)";
}
