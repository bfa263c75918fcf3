namespace RelationsTracker.Importing;

/// <summary>
/// A GDELT index the tracker follows (docs/import.md, "Following GDELT"): every <see cref="IntervalSeconds"/> it reads
/// the index and imports each events export listed that it has not imported yet, once. A Marten document with
/// optimistic concurrency, so two checks of one feed never both start an export.
/// </summary>
public sealed record Feed
{
    public const int ImportsKept = 100;

    public Guid Id { get; init; }
    /// <summary>The index: GDELT's lastupdate.txt (or masterfilelist.txt, or a mirror of either).</summary>
    public string Url { get; init; } = "";
    public int IntervalSeconds { get; init; }
    public bool Atomic { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Which scheduled check is the feed's next one: a scheduled check of another round is stale (the feed was checked since).</summary>
    public int Round { get; init; }
    public DateTimeOffset NextCheckAt { get; init; }
    public DateTimeOffset? LastCheckedAt { get; init; }
    /// <summary>What the last check found, in words: the exports it started, nothing new, or why it could not read the index.</summary>
    public string? LastOutcome { get; init; }
    /// <summary>The last export it started an import of.</summary>
    public string? LastExport { get; init; }
    /// <summary>The imports it started, oldest first (the last <see cref="ImportsKept"/>).</summary>
    public IReadOnlyList<FeedImport> Imports { get; init; } = [];

    /// <summary>The feed after a check at <paramref name="now"/> that found <paramref name="outcome"/> and started <paramref name="started"/>.</summary>
    public Feed Checked(DateTimeOffset now, string outcome, IReadOnlyList<FeedImport> started) => this with
    {
        LastCheckedAt = now,
        LastOutcome = outcome,
        LastExport = started.Count > 0 ? started[^1].Export : LastExport,
        Imports = [.. Imports.Concat(started).TakeLast(ImportsKept)],
    };

    /// <summary>The feed with its next scheduled check, one interval after <paramref name="now"/>, in a new round.</summary>
    public Feed ScheduledAfter(DateTimeOffset now) => this with { Round = Round + 1, NextCheckAt = now.AddSeconds(IntervalSeconds) };
}
