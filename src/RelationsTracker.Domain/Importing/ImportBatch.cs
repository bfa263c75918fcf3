namespace RelationsTracker.Importing;

/// <summary>
/// One batch of an import's rows, sorted: the rejected ones counted on the run (with the rows read), the others the
/// developments to decide or, from a mentions file, the mentions to record.
/// </summary>
public sealed record ImportBatch(long Number, ImportRun Run, IReadOnlyList<ImportCandidate> Candidates, IReadOnlyList<GdeltMention> Mentions)
{
    public static ImportBatch Of(ImportRun run, IReadOnlyCollection<RowOutcome> rows)
    {
        var number = run.RowsRead / run.BatchSize;
        run = run with { RowsRead = run.RowsRead + rows.Count };
        var candidates = new List<ImportCandidate>(rows.Count);
        var mentions = new List<GdeltMention>();
        foreach (var row in rows)
        {
            if (row.Rejected is { } rejected) run = run.Reject(rejected);
            else if (row.Mention is { } mention) mentions.Add(mention);
            else candidates.Add(row.Candidate!);
        }
        return new ImportBatch(number, run, candidates, mentions);
    }
}
