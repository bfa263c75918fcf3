using RelationsTracker.Developments;

namespace RelationsTracker.Domain.Tests;

public class OccurrenceDateTests
{
    [Theory]
    [InlineData("2025", "2025-01-01", DatePrecision.Year)]
    [InlineData("2025-08", "2025-08-01", DatePrecision.Month)]
    [InlineData("2025-08-25", "2025-08-25", DatePrecision.Day)]
    [InlineData("2024-02-29", "2024-02-29", DatePrecision.Day)]
    [InlineData("1000", "1000-01-01", DatePrecision.Year)]
    public void Parses_each_precision_to_the_start_of_its_period_and_gives_the_form_back(string text, string effective, DatePrecision precision)
    {
        Assert.True(OccurrenceDate.TryParse(text, out var date));
        Assert.Equal(DateOnly.Parse(effective), date.EffectiveDate);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("0999")]
    [InlineData("2025-00")]
    [InlineData("2025-13")]
    [InlineData("2025-8")]
    [InlineData("2025-08-5")]
    [InlineData("2025-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2025-08-00")]
    [InlineData("2025/08/25")]
    [InlineData("2025-08-25T00:00:00Z")]
    [InlineData(" 2025")]
    [InlineData("２０２５")]
    [InlineData("+025")]
    [InlineData(null)]
    public void Refuses_anything_but_zero_padded_real_dates_from_year_1000(string? text)
    {
        Assert.False(OccurrenceDate.TryParse(text, out _));
    }

    [Fact]
    public void Orders_by_effective_date_then_by_precision()
    {
        var dates = new[] { "2025-01-01", "2025", "2024-12", "2025-01" }.Select(OccurrenceDate.Parse).Order().Select(d => d.ToString());
        Assert.Equal(["2024-12", "2025", "2025-01", "2025-01-01"], dates);
    }
}
