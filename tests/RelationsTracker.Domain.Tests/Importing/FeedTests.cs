using RelationsTracker.Importing;

namespace RelationsTracker.Domain.Tests;

public class FeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_check_keeps_what_it_found_the_last_export_it_started_and_at_most_the_imports_kept()
    {
        var earlier = Enumerable.Range(0, Feed.ImportsKept).Select(i => new FeedImport($"e{i}", Guid.NewGuid(), Now.AddHours(-1))).ToList();
        var feed = new Feed { LastExport = "e99", Imports = earlier };
        var started = new[] { new FeedImport("new1", Guid.NewGuid(), Now), new FeedImport("new2", Guid.NewGuid(), Now) };

        var checkedFeed = feed.Checked(Now, "started importing 2 exports", started);

        Assert.Equal((Now, "started importing 2 exports", "new2"), (checkedFeed.LastCheckedAt, checkedFeed.LastOutcome, checkedFeed.LastExport));
        Assert.Equal(Feed.ImportsKept, checkedFeed.Imports.Count);
        Assert.Equal(["e2", "e3"], checkedFeed.Imports.Take(2).Select(i => i.Export)); // the oldest two went
        Assert.Equal(["new1", "new2"], checkedFeed.Imports.TakeLast(2).Select(i => i.Export));
    }

    [Fact]
    public void A_check_that_started_nothing_keeps_the_last_export_and_a_scheduled_one_moves_to_the_next_round()
    {
        var feed = new Feed { LastExport = "e1", IntervalSeconds = 900, Round = 4 };

        var next = feed.Checked(Now, "nothing new", []).ScheduledAfter(Now);

        Assert.Equal("e1", next.LastExport);
        Assert.Equal((5, Now.AddMinutes(15)), (next.Round, next.NextCheckAt));
    }
}
