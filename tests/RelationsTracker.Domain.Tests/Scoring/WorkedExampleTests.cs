using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

/// <summary>The worked example at the end of scoring.md, to the decimal.</summary>
public class WorkedExampleTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<DevelopmentFacts> ThreeDevelopments() => RelationScoring.KnownAt(
    [
        Dev.Of(DevelopmentType.AgreementRejected, "2019-12", Significance.High, agreement: "maritime-mou-2019", title: "MoU"),
        Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04", Significance.High),
        Dev.Of(DevelopmentType.MilitaryCooperation, "2025-08-25", Significance.Normal),
    ], Recorded);

    [Theory]
    [InlineData("2019-12-31", -5.345, -21.1, -21.1, Direction.Cooling, Phase.Strained)]
    [InlineData("2025-04-04", 2.847, 11.3, 11.4, Direction.Warming, Phase.Neutral)]
    [InlineData("2025-09-01", 8.801, 33.8, 24.8, Direction.Warming, Phase.Cordial)]
    public void Reads_the_worked_example_to_the_decimal(string asOf, double raw, double score, double trend, Direction direction, Phase phase)
    {
        var reading = RelationScoring.Read(ThreeDevelopments(), DateOnly.Parse(asOf), WarmingScore.DefaultHalfLifeDays);

        Assert.Equal((decimal)raw, reading.Raw);
        Assert.Equal((decimal)score, reading.Score);
        Assert.Equal((decimal)trend, reading.Trend);
        Assert.Equal(direction, reading.Direction);
        Assert.Equal(phase, reading.Phase);
    }
}
