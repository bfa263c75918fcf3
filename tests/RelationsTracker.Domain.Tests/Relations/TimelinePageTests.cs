using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class TimelinePageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Development Visit = Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04", actor: "LBY-EAST");
    private static readonly Development Drill = Dev.Of(DevelopmentType.MilitaryCooperation, "2025-08-25");
    private static readonly Development Memorandum = Dev.Of(DevelopmentType.AgreementRejected, "2019-12-01", actor: "LBY-EAST");
    private static readonly Development Consulate = Dev.Of(DevelopmentType.MissionOpened, "2025-07-01");

    private static readonly RelationTimeline Timeline = RelationTimeline.At(RelationId.Of("LBY-EAST", "TUR"), 4,
        [.. new[] { Visit, Drill, Memorandum, Consulate }.Select(DevelopmentHistory.Of)]);

    [Fact]
    public void Pages_go_in_occurrence_order_and_each_starts_after_the_last_of_the_one_before()
    {
        var first = TimelinePage.Of(Timeline, Now, null, null, null, TimelineFilter.All, limit: 3);
        Assert.Equal([Memorandum.Id, Visit.Id, Consulate.Id], first.Developments);
        Assert.NotNull(first.Next);

        var second = TimelinePage.Of(Timeline, Now, null, null, first.Next, TimelineFilter.All, limit: 3);
        Assert.Equal([Drill.Id], second.Developments);
        Assert.Null(second.Next);

        // Exactly a page's worth: no next page to ask for.
        Assert.Null(TimelinePage.Of(Timeline, Now, null, null, null, TimelineFilter.All, limit: 4).Next);
    }

    [Fact]
    public void A_page_holds_only_what_is_known_at_knownAt_in_the_dates_asked_and_matching_the_filter()
    {
        Assert.Equal([Visit.Id, Consulate.Id],
            TimelinePage.Of(Timeline, Now, new DateOnly(2025, 1, 1), new DateOnly(2025, 7, 1), null, TimelineFilter.All, 10).Developments);
        Assert.Equal([Memorandum.Id, Visit.Id],
            TimelinePage.Of(Timeline, Now, null, null, null, TimelineFilter.All with { Actor = "LBY-EAST" }, 10).Developments);
        // Before any was recorded (Dev records them on 2025-12-01), the timeline knows none.
        Assert.Empty(TimelinePage.Of(Timeline, new DateTimeOffset(2025, 11, 30, 0, 0, 0, TimeSpan.Zero), null, null, null, TimelineFilter.All, 10).Developments);
    }
}
