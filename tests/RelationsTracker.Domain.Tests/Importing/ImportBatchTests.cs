using RelationsTracker.Importing;

namespace RelationsTracker.Domain.Tests;

public class ImportBatchTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void A_batch_counts_its_rows_on_the_run_the_rejected_ones_as_rejections_and_keeps_the_rest_in_file_order()
    {
        var run = ImportRun.Start("gdelt", atomic: false, "upload", 1, DateTimeOffset.UnixEpoch, batchSize: 3, writers: 2) with { RowsRead = 6 };
        var mention = new GdeltMention(9, "1234", "20250404160000", "1", "ekathimerini.com", "https://www.ekathimerini.com/a", 70);
        RowOutcome[] rows =
        [
            new(Candidate(7, "2025-04-01"), null),
            new(null, new RejectedRow(8, "bad date", RejectionKind.Other)),
            new(null, null, mention),
            new(Candidate(10, "2025-04-02"), null),
        ];

        var batch = ImportBatch.Of(run, rows);

        Assert.Equal(2, batch.Number); // six rows read before, in batches of 3: the third batch
        Assert.Equal((10L, 1L), (batch.Run.RowsRead, batch.Run.Rejected));
        Assert.Equal([7L, 10L], batch.Candidates.Select(c => c.Line));
        Assert.Equal([mention], batch.Mentions);
    }

    private static ImportCandidate Candidate(long line, string date)
    {
        var (header, _) = CsvHeader.Parse(ImportRows.CsvColumns);
        string[] fields = ["GRC~TUR", "OfficialVisit", date, "TUR", "high", $"A visit on {date}", $"https://example.org/{line}"];
        return ImportRows.FromCsv(line, fields, header!, Today).Candidate!;
    }
}
