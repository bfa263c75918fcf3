using RelationsTracker.Developments;

namespace RelationsTracker.Domain.Tests;

public class TimelinePositionTests
{
    private static readonly DateTimeOffset Noon = new(2025, 4, 4, 12, 0, 0, TimeSpan.Zero);

    private static DevelopmentFacts Facts(string occurredOn, DateTimeOffset recordedAt, long version) =>
        new(Guid.NewGuid(), DevelopmentType.OfficialVisit, OccurrenceDate.Parse(occurredOn), "TUR", Significance.High,
            "A visit", null, null, null, recordedAt, version);

    [Fact]
    public void What_comes_after_a_position_is_what_the_timeline_orders_after_it()
    {
        // Effective date first, then recorded time, then stream version: the timeline's own order.
        var facts = new[]
        {
            Facts("2025-04-03", Noon.AddDays(2), 9),
            Facts("2025-04-04", Noon, 3),
            Facts("2025-04-04", Noon, 4),
            Facts("2025-04-04", Noon.AddTicks(1), 1),
            Facts("2025-05", Noon, 2), // a month counts from its first day
        }.Order(DevelopmentFacts.Chronological).ToList();

        for (var i = 0; i < facts.Count; i++)
        {
            var position = TimelinePosition.Of(facts[i]);
            Assert.Equal(facts.Skip(i + 1), facts.Where(position.IsBefore));
        }
    }

    [Fact]
    public void A_position_reads_back_from_its_text_and_other_text_is_no_position()
    {
        var position = TimelinePosition.Of(Facts("2025-04-04", Noon, 7));

        Assert.True(TimelinePosition.TryParse(position.ToString(), out var read));
        Assert.Equal(position, read);
        Assert.False(TimelinePosition.TryParse("2025-04-04|x|7", out _));
        Assert.False(TimelinePosition.TryParse("2025-04-04|1", out _));
        Assert.False(TimelinePosition.TryParse("-1", out _));
    }
}
