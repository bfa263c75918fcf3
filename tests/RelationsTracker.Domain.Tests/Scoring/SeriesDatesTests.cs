using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

public class SeriesDatesTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    private static string[] Dates(string from, string to, string step) =>
        [.. SeriesDates.Of(D(from), D(to), step).Select(d => d.ToString("yyyy-MM-dd"))];

    [Fact]
    public void A_daily_series_has_every_day_from_to_to_both_included()
    {
        Assert.Equal(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"], Dates("2024-02-27", "2024-03-01", "day"));
        Assert.Equal(366, SeriesDates.Of(D("2024-01-01"), D("2024-12-31"), "day").Count());
    }

    [Fact]
    public void A_weekly_series_steps_seven_days_and_stops_before_passing_to()
    {
        Assert.Equal(["2025-01-01", "2025-01-08", "2025-01-15"], Dates("2025-01-01", "2025-01-21", "week"));
    }

    [Fact]
    public void A_monthly_series_keeps_from_s_day_clamped_to_shorter_months_and_comes_back_after_them()
    {
        Assert.Equal(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"], Dates("2024-01-31", "2024-04-30", "month"));
        // In to's month, a day after to is not in the series.
        Assert.Equal(["2024-01-31"], Dates("2024-01-31", "2024-02-15", "month"));
    }

    [Fact]
    public void One_day_is_one_point_and_from_after_to_is_none()
    {
        Assert.Equal(["2025-08-04"], Dates("2025-08-04", "2025-08-04", "month"));
        Assert.Empty(Dates("2025-08-05", "2025-08-04", "day"));
    }
}
