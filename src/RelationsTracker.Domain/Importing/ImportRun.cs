namespace RelationsTracker.Importing;

/// <summary>
/// One import and how far it got: a Marten document, written in the same transaction as each batch of its
/// developments, so its counts are exactly what is committed, and any node can answer GET /api/imports/{id}.
/// </summary>
public sealed record ImportRun
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    /// <summary>At most this many rejected rows are kept with their line and reason; all are counted.</summary>
    public const int MaxRejectionsKept = 500;

    public Guid Id { get; init; }
    public string Format { get; init; } = "";
    public bool Atomic { get; init; }
    /// <summary>The file's name as given (CLI), "upload", or the URL asked for (an import by URL, a feed's index).</summary>
    public string Source { get; init; } = "";
    public long Bytes { get; init; }
    /// <summary>The file downloaded, for an import by URL: the URL asked for, or the export the index named.</summary>
    public string? Url { get; init; }
    /// <summary>The GDELT index the file was found in, if it was.</summary>
    public string? Index { get; init; }
    /// <summary>The size and MD5 the index gives for the file: the download must match them.</summary>
    public long? ExpectedBytes { get; init; }
    public string? ExpectedMd5 { get; init; }
    /// <summary>The feed that started the import, if one did.</summary>
    public Guid? FeedId { get; init; }
    /// <summary>Rows per batch and writers per batch, fixed when the import starts so that a resumed import forms the
    /// same batches and shares (0 in imports stored before: the settings then).</summary>
    public int BatchSize { get; init; }
    public int Writers { get; init; }

    public string Status { get; init; } = Running;
    /// <summary>"validating" (the first pass of an atomic import: nothing is written) or "recording".</summary>
    public string Phase { get; init; } = "recording";
    public long RowsRead { get; init; }
    public long Recorded { get; init; }
    public long AlreadyImported { get; init; }
    /// <summary>Rows that repeated the GDELT event of an earlier row of their batch, listed in its development (<see cref="RepeatedEvents"/>).</summary>
    public long Repeats { get; init; }
    public long Rejected { get; init; }
    public IReadOnlyList<RejectedRow> Rejections { get; init; } = [];
    /// <summary>Every rejected row counted by the kind of its reason (<see cref="RejectionKind"/>).</summary>
    public IReadOnlyDictionary<string, long> RejectedByKind { get; init; } = new Dictionary<string, long>();
    /// <summary>Why the import failed as a whole (atomic with bad rows, a bad file, the service stopping).</summary>
    public string? Failure { get; init; }

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>A new import of a file in <paramref name="format"/>; an atomic one is checked whole before anything is recorded.</summary>
    public static ImportRun Start(string format, bool atomic, string source, long bytes, DateTimeOffset now, int batchSize, int writers) => new()
    {
        BatchSize = batchSize,
        Writers = writers,
        Id = Guid.CreateVersion7(),
        Format = format,
        Atomic = atomic,
        Source = source,
        Bytes = bytes,
        Phase = atomic ? "validating" : "recording",
        StartedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Whether the run still has its file to check whole (an atomic import's first pass) before recording.</summary>
    public bool Validating => Atomic && Phase == "validating";

    /// <summary>The first pass of an atomic import, from the file's start: its rejections are counted again.</summary>
    public ImportRun RestartValidation() => this with { RowsRead = 0, Rejected = 0, Rejections = [], RejectedByKind = new Dictionary<string, long>() };

    /// <summary>
    /// After the first pass of an atomic import: failed, with nothing recorded, when any row was rejected; else the
    /// recording pass, from the file's start.
    /// </summary>
    public ImportRun Validated() => Rejected > 0
        ? Fail($"atomic: {Rejected:N0} of {RowsRead:N0} rows were rejected, so nothing was recorded")
        : this with { Phase = "recording", RowsRead = 0 };

    public ImportRun Fail(string failure) => this with { Status = Failed, Failure = failure };

    /// <summary>
    /// The run as stored after its last committed batch, with the counts of the shares of the batch after it that
    /// committed before the import stopped (<paramref name="shares"/>: the import's stored shares): what a failed
    /// import reports, its counts exactly what is recorded.
    /// </summary>
    public ImportRun WithCommitted(IEnumerable<ImportShare> shares)
    {
        if (BatchSize == 0) return this;
        var next = ImportShare.PrefixOf(Id, RowsRead / BatchSize);
        var committed = shares.Where(s => s.ImportId == Id && s.Id.StartsWith(next, StringComparison.Ordinal)).ToList();
        return this with
        {
            Recorded = Recorded + committed.Sum(s => s.Recorded),
            AlreadyImported = AlreadyImported + committed.Sum(s => s.Already),
            Repeats = Repeats + committed.Sum(s => s.Repeats),
        };
    }

    public ImportRun Finish(DateTimeOffset now) => this with { FinishedAt = now, UpdatedAt = now };

    public ImportRun Reject(RejectedRow row)
    {
        var byKind = new Dictionary<string, long>(RejectedByKind, StringComparer.Ordinal);
        byKind[row.Kind] = byKind.GetValueOrDefault(row.Kind) + 1;
        return this with
        {
            Rejected = Rejected + 1,
            Rejections = Rejections.Count < MaxRejectionsKept ? [.. Rejections, row] : Rejections,
            RejectedByKind = byKind,
        };
    }
}
