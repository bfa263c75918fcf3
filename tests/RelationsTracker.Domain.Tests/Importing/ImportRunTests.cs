using RelationsTracker.Importing;

namespace RelationsTracker.Domain.Tests;

public class ImportRunTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_atomic_import_checks_the_whole_file_first_and_records_nothing_when_a_row_is_rejected()
    {
        var run = ImportRun.Start("gdelt", atomic: true, "upload", 1234, Now, batchSize: 100, writers: 2);
        Assert.True(run.Validating);
        Assert.Equal((ImportRun.Running, "validating", 100, 2), (run.Status, run.Phase, run.BatchSize, run.Writers));

        var checkedWhole = run.RestartValidation() with { RowsRead = 250 };
        var failed = checkedWhole.Reject(new RejectedRow(7, "no such CAMEO code", "cameo")).Validated();
        Assert.Equal(ImportRun.Failed, failed.Status);
        Assert.Equal("atomic: 1 of 250 rows were rejected, so nothing was recorded", failed.Failure);

        var recording = checkedWhole.Validated();
        Assert.Equal((ImportRun.Running, "recording", 0L), (recording.Status, recording.Phase, recording.RowsRead));
        Assert.False(recording.Validating);
        Assert.False(ImportRun.Start("csv", atomic: false, "upload", 1, Now, 100, 2).Validating);
    }

    [Fact]
    public void A_restarted_validation_counts_its_rejections_again_from_the_start()
    {
        var run = ImportRun.Start("csv", atomic: true, "upload", 1, Now, 100, 2) with { RowsRead = 40 };
        var again = run.Reject(new RejectedRow(3, "bad date", "date")).RestartValidation();
        Assert.Equal((0L, 0L, 0, 0), (again.RowsRead, again.Rejected, again.Rejections.Count, again.RejectedByKind.Count));
    }

    [Fact]
    public void A_failed_import_reports_the_shares_of_the_next_batch_that_committed_and_no_other()
    {
        var stored = ImportRun.Start("gdelt", atomic: false, "upload", 1, Now, batchSize: 100, writers: 2) with
        {
            RowsRead = 200, Recorded = 150, AlreadyImported = 10, Repeats = 5,
        };
        var other = Guid.CreateVersion7();
        ImportShare[] shares =
        [
            new(ImportShare.IdOf(stored.Id, 1, 0), stored.Id, 99, 99, 99), // batch 1: already in the stored counts
            new(ImportShare.IdOf(stored.Id, 2, 0), stored.Id, 30, 2, 1),
            new(ImportShare.IdOf(stored.Id, 2, 1), stored.Id, 20, 1, 0),
            new(ImportShare.IdOf(other, 2, 0), other, 1000, 1000, 1000),
        ];

        var reported = stored.WithCommitted(shares);

        Assert.Equal((200L, 200L, 13L, 6L), (reported.RowsRead, reported.Recorded, reported.AlreadyImported, reported.Repeats));
        // An import stored before batches had a fixed size has no shares to count.
        Assert.Equal(stored with { BatchSize = 0 }, (stored with { BatchSize = 0 }).WithCommitted(shares));
    }

    [Fact]
    public void A_finished_import_says_when()
    {
        var finished = ImportRun.Start("csv", false, "upload", 1, Now, 100, 2).Fail("a bad file").Finish(Now.AddMinutes(2));
        Assert.Equal((ImportRun.Failed, "a bad file", Now.AddMinutes(2), Now.AddMinutes(2)), (finished.Status, finished.Failure, finished.FinishedAt, finished.UpdatedAt));
    }
}
