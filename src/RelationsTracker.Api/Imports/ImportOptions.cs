using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>The <c>Tracker:Imports</c> settings (docs/import.md).</summary>
public sealed class ImportOptions
{
    public const string Section = "Tracker:Imports";

    /// <summary>The largest file POST /api/imports takes; the 1 MiB limit of the JSON routes does not apply here.</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Rows decided together; each batch is recorded in <see cref="Writers"/> transactions, one per share of its relations.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>
    /// Transactions that record a batch side by side, each for its own share of the batch's relations, so that no two
    /// write the same relation and PostgreSQL works on more than one core. 1 records a batch in one transaction.
    /// </summary>
    public int Writers { get; set; } = 2;

    /// <summary>Where uploads wait until they are imported (deleted after); the system's temporary folder if unset.</summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>How long downloading one file (an import by URL, a feed's index or export) may take.</summary>
    public int DownloadTimeoutSeconds { get; set; } = 300;

    /// <summary>The largest GDELT index read (lastupdate.txt is 3 lines; masterfilelist.txt grows by 3 lines every 15 minutes).</summary>
    public long MaxIndexBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The shortest interval a feed may follow its index at; GDELT publishes every 15 minutes.</summary>
    public int MinimumFeedIntervalSeconds { get; set; } = 60;

    /// <summary>The actor mapping table for GDELT rows.</summary>
    public List<ActorRule> Actors { get; set; } = [];

    public string Spool => SpoolDirectory is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "relations-tracker-imports");

    public ActorMapping Mapping()
    {
        var (mapping, errors) = ActorMapping.Create(Actors);
        return mapping ?? throw new InvalidOperationException($"{Section}:Actors is invalid: {string.Join("; ", errors)}");
    }
}
