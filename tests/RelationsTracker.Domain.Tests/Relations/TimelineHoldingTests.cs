using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests.Relations;

public class TimelineHoldingTests
{
    [Theory]
    [InlineData(100, 99, false)] // at least 100 changes
    [InlineData(100, 100, true)]
    [InlineData(100_000, 9_999, false)] // a tenth
    [InlineData(100_000, 10_000, true)]
    [InlineData(1_000_000, 10_000, true)] // at most 10,000
    public void A_snapshot_is_due_after_a_tenth_of_the_relation_in_changes_between_100_and_10000(int developments, long changes, bool due) =>
        Assert.Equal(due, TimelineHolding.SnapshotDue(developments, changes));

    [Fact]
    public void A_starting_node_takes_the_largest_relations_that_fit_passing_over_one_too_large()
    {
        var largestFirst = new[] { ("huge", 1_000_000L), ("large", 300L), ("medium", 200L), ("small", 100L), ("tiny", 50L) };

        Assert.Equal([("large", 300L), ("small", 100L), ("tiny", 50L)], TimelineHolding.ToPreload(largestFirst, room: 450));
        Assert.Empty(TimelineHolding.ToPreload(largestFirst, room: 0));
    }
}
