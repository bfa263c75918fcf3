using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

/// <summary>The values a read is asked with: a half-life, a series' step, a weighting, a digest's month.</summary>
public class ReadingParameterTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("365", 365)]
    [InlineData("3650", 3650)]
    public void A_half_life_is_a_whole_number_of_days_in_the_models_range(string text, int days)
    {
        Assert.True(HalfLife.TryParse(text, null, out var halfLife));
        Assert.Equal(days, halfLife.Days);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1.5")]
    [InlineData(" 30")]
    [InlineData(null)]
    public void Any_other_half_life_is_refused_with_the_range(string? text)
    {
        Assert.False(HalfLife.TryParse(text, null, out _));
        Assert.Equal($"'{text}' is not a whole number of days from 1 to 3650", HalfLife.Problem(text));
    }

    [Fact]
    public void A_step_is_day_week_or_month_and_a_weighting_plain_or_corroborated()
    {
        Assert.All(SeriesStep.Names, name => Assert.True(SeriesStep.TryParse(name, null, out _)));
        Assert.False(SeriesStep.TryParse("Day", null, out _));
        Assert.Equal("'year' is not a step; use day, week or month", SeriesStep.Problem("year"));

        Assert.True(WeightingName.TryParse("corroborated", null, out var corroborated));
        Assert.Equal(Weighting.Corroborated, corroborated.Weighting);
        Assert.Equal("plain", WeightingName.NameOf(Weighting.Plain));
        Assert.False(WeightingName.TryParse("weighted", null, out _));
    }

    [Theory]
    [InlineData("2025-08", 2025, 8)]
    [InlineData("1000-01", 1000, 1)]
    public void A_month_is_exactly_year_and_month(string text, int year, int month)
    {
        Assert.True(CalendarMonth.TryParse(text, null, out var parsed));
        Assert.Equal(new CalendarMonth(year, month), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("2025-8")]
    [InlineData("2025-13")]
    [InlineData("0999-12")]
    [InlineData("2025-08-01")]
    [InlineData("")]
    public void Any_other_month_is_refused(string text)
    {
        Assert.False(CalendarMonth.TryParse(text, null, out _));
        Assert.Throws<FormatException>(() => CalendarMonth.Parse(text, null));
    }
}
