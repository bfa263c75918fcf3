using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

public class SeriesRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void A_range_is_refused_when_from_is_after_to_or_when_it_has_more_points_than_a_series_may()
    {
        var (range, errors) = SeriesRange.Of(new DateOnly(2025, 1, 31), new DateOnly(2025, 3, 31), "month", Now, 180, Weighting.Plain);
        Assert.False(errors.Any);
        Assert.Equal([new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 31)], range!.Dates());

        var (_, backwards) = SeriesRange.Of(Today, Today.AddDays(-1), "day", Now, 180, Weighting.Plain);
        Assert.Equal(["2026-12-01 is after to (2026-11-30)"], backwards.ToDictionary()["from"]);

        var last = Today.AddDays(SeriesRange.MaxPoints - 1);
        Assert.False(SeriesRange.Of(Today, last, "day", Now, 180, Weighting.Plain).Errors.Any);
        var (_, tooMany) = SeriesRange.Of(Today, last.AddDays(1), "day", Now, 180, Weighting.Plain);
        Assert.Equal(["from 2026-12-01 to 2037-01-17 by day is more than 3,700 points; narrow the range or use a longer step"], tooMany.ToDictionary()["to"]);
    }

    [Fact]
    public void A_chart_starts_the_month_before_the_first_development_or_a_year_back_and_takes_the_finest_step_that_fits()
    {
        var empty = RelationTimeline.Empty(RelationId.Of("LBY-EAST", "TUR")).KnownAt(Now);
        Assert.Equal(new DateOnly(2025, 12, 1), SeriesRange.ChartStart(empty, Today, Today));

        var timeline = RelationTimeline.At(RelationId.Of("LBY-EAST", "TUR"), 2,
            [DevelopmentHistory.Of(Dev.Of(DevelopmentType.AgreementRejected, "2019-12-14")), DevelopmentHistory.Of(Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04"))]);
        Assert.Equal(new DateOnly(2019, 11, 1), SeriesRange.ChartStart(timeline.KnownAt(Now), Today, Today));
        // An asOf before every development is still drawn.
        Assert.Equal(new DateOnly(2018, 5, 1), SeriesRange.ChartStart(timeline.KnownAt(Now), Today, new DateOnly(2018, 6, 15)));

        Assert.Equal("day", SeriesRange.ChartStep(Today, Today.AddDays(SeriesRange.MaxPoints - 1)));
        Assert.Equal("week", SeriesRange.ChartStep(Today, Today.AddDays(SeriesRange.MaxPoints)));
        Assert.Equal("month", SeriesRange.ChartStep(Today, Today.AddDays(SeriesRange.MaxPoints * 7)));
    }
}
