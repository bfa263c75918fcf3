using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

public class RelationScoringTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int H = WarmingScore.DefaultHalfLifeDays;

    private static RelationReading Read(IEnumerable<Development> developments, string asOf, DateTimeOffset? knownAt = null, int halfLife = H) =>
        RelationScoring.Read(RelationScoring.KnownAt(developments, knownAt ?? DateTimeOffset.MaxValue), DateOnly.Parse(asOf), halfLife);

    [Fact]
    public void A_contribution_halves_every_half_life_and_counts_from_its_effective_date()
    {
        var d = Dev.Of(DevelopmentType.MilitaryCooperation, "2025-01", Significance.Normal);
        Assert.Equal(7.4m, Read([d], "2025-01-01").Raw);
        Assert.Equal(3.7m, Read([d], "2025-01-01", halfLife: 10).Raw - Read([d], "2025-01-11", halfLife: 10).Raw);
        Assert.Equal(0m, Read([d], "2024-12-31").Raw);
        Assert.Equal(0, Read([d], "2024-12-31").DevelopmentCount);
    }

    [Theory]
    [InlineData(-50.0, Phase.Hostile)]
    [InlineData(-49.9, Phase.Strained)]
    [InlineData(-15.0, Phase.Strained)]
    [InlineData(-14.9, Phase.Neutral)]
    [InlineData(14.9, Phase.Neutral)]
    [InlineData(15.0, Phase.Cordial)]
    [InlineData(49.9, Phase.Cordial)]
    [InlineData(50.0, Phase.Close)]
    public void Phases_cut_at_the_rounded_score(double score, Phase phase) => Assert.Equal(phase, WarmingScore.PhaseOf((decimal)score));

    [Theory]
    [InlineData(5.0, Direction.Warming)]
    [InlineData(4.9, Direction.Stable)]
    [InlineData(-4.9, Direction.Stable)]
    [InlineData(-5.0, Direction.Cooling)]
    public void Direction_cuts_at_the_rounded_trend(double trend, Direction direction) => Assert.Equal(direction, WarmingScore.DirectionOf((decimal)trend));

    [Theory]
    [InlineData(0.2375, 3, 0.238)]
    [InlineData(-0.2375, 3, -0.238)]
    [InlineData(2.8499999999999996, 3, 2.85)]
    [InlineData(33.75, 1, 33.8)]
    [InlineData(-33.75, 1, -33.8)]
    public void Rounds_half_away_from_zero_on_the_decimal_value(double value, int decimals, double expected) =>
        Assert.Equal((decimal)expected, WarmingScore.Round(value, decimals));

    [Fact]
    public void A_retraction_counts_only_from_its_recorded_time()
    {
        var d = Dev.Of(DevelopmentType.Aid, "2025-01-01", recordedAt: T0);
        var retracted = d with { Retraction = new Retraction(T0.AddDays(1), 2, "wrong", []) };
        Assert.Equal(1, Read([retracted], "2025-02-01", T0.AddHours(1)).DevelopmentCount);
        Assert.Equal(0, Read([retracted], "2025-02-01", T0.AddDays(1)).DevelopmentCount);
        Assert.Equal(0, Read([retracted], "2025-02-01", T0.AddTicks(-1)).DevelopmentCount);
    }

    [Fact]
    public void Corrections_apply_from_their_recorded_time_and_the_latest_of_each_field_wins()
    {
        var d = Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04", Significance.High, recordedAt: T0) with
        {
            Corrections =
            [
                new Correction(T0.AddDays(1), 2, "type", null, DevelopmentType.Negotiation, Significance.Low, null),
                new Correction(T0.AddDays(2), 3, "significance", OccurrenceDate.Parse("2025-04"), null, Significance.Normal, null),
            ],
        };
        Assert.Equal(2.85m, Read([d], "2025-04-04", T0).Raw);
        Assert.Equal(3.5m, Read([d], "2025-04-04", T0.AddDays(1)).Raw);
        var latest = d.AsKnownAt(T0.AddDays(2))!;
        Assert.Equal((DevelopmentType.Negotiation, Significance.Normal, "2025-04"), (latest.Type, latest.Significance, latest.OccurredOn.ToString()));
        Assert.Equal(DevelopmentStatus.Corrected, d.StatusAt(T0.AddDays(2)));
        Assert.Equal(DevelopmentStatus.Recorded, d.StatusAt(T0));
    }

    [Fact]
    public void Windows_count_the_365_days_ending_on_asOf()
    {
        var developments = new[]
        {
            Dev.Of(DevelopmentType.MilitaryCooperation, "2024-09-02"),
            Dev.Of(DevelopmentType.MilitaryCooperation, "2024-09-01"),
            Dev.Of(DevelopmentType.OfficialVisit, "2024-09-02"),
            Dev.Of(DevelopmentType.OfficialVisit, "2024-09-01"),
            Dev.Of(DevelopmentType.Negotiation, "2025-08"),
        };
        var reading = Read(developments, "2025-09-01");
        Assert.Equal(1, reading.Military.ActivitiesLast365Days);
        Assert.Equal("2024-09-02", reading.Military.LastActivity.ToString());
        Assert.Equal(1, reading.VisitsLast365Days);
        Assert.Equal("2025-08", reading.LastContact.ToString());
        Assert.Null(Read(developments, "2026-09-02").Military.LastActivity);
    }

    [Fact]
    public void Agreement_and_mission_status_follow_the_latest_by_effective_date_then_recorded_time()
    {
        var mission = new Mission("TUR", "consulate", "Benghazi");
        var developments = new[]
        {
            Dev.Of(DevelopmentType.AgreementRatified, "2025", agreement: "mou", recordedAt: T0),
            Dev.Of(DevelopmentType.AgreementSigned, "2019-11-27", agreement: "mou", title: "The MoU", recordedAt: T0.AddDays(1)),
            Dev.Of(DevelopmentType.MissionClosed, "2020", mission: mission, recordedAt: T0.AddDays(3)),
            Dev.Of(DevelopmentType.MissionOpened, "2020", mission: mission, recordedAt: T0.AddDays(2)),
        };
        var at2024 = Read(developments, "2024-01-01");
        Assert.Equal(new AgreementStanding("mou", "The MoU", "signed", OccurrenceDate.Parse("2019-11-27")), Assert.Single(at2024.Agreements));
        Assert.Equal(new MissionStanding("TUR", "consulate", "Benghazi", "closed", OccurrenceDate.Parse("2020")), Assert.Single(at2024.Missions));
        Assert.Equal("ratified", Assert.Single(Read(developments, "2025-06-01").Agreements).Status);
    }

    [Fact]
    public void Top_contributors_are_five_by_absolute_contribution_then_latest_effective_date()
    {
        var developments = new[]
        {
            Dev.Of(DevelopmentType.Statement, "2025-01-01"),
            Dev.Of(DevelopmentType.Sanctions, "2025-01-01"),
            Dev.Of(DevelopmentType.Aid, "2025-01-01"),
            Dev.Of(DevelopmentType.Coercion, "2025-01-02"),
            Dev.Of(DevelopmentType.Negotiation, "2025-01-02"),
            Dev.Of(DevelopmentType.Criticism, "2025-01-01"),
            Dev.Of(DevelopmentType.Appeal, "2025-01-02"),
        };
        var top = Read(developments, "2025-01-02", halfLife: 3650).TopContributors;
        Assert.Equal(5, top.Count);
        Assert.Equal(DevelopmentType.Sanctions, top[0].Type);
        // Coercion and Negotiation (|7.000| on 2025-01-02) come before Aid (6.999 a day earlier).
        Assert.Equal(new[] { DevelopmentType.Coercion, DevelopmentType.Negotiation }.Order(), top.Skip(1).Take(2).Select(c => c.Type).Order());
        Assert.Equal(DevelopmentType.Aid, top[3].Type);
        Assert.Equal(DevelopmentType.Appeal, top[4].Type);
    }

    [Fact]
    public void Nothing_known_is_a_neutral_zero()
    {
        var reading = Read([], "2025-01-01");
        Assert.Equal((0m, 0m, 0m, Phase.Neutral, Direction.Stable, 0), (reading.Score, reading.Raw, reading.Trend, reading.Phase, reading.Direction, reading.DevelopmentCount));
        Assert.Empty(reading.TopContributors);
    }
}
