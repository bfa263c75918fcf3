using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

public class MonthlyDigestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static TimelineIndex Known(params Development[] developments) => TimelineIndex.Build(Development.KnownAt(developments, Now));

    [Fact]
    public void The_month_holds_the_developments_effective_in_it_and_reads_the_days_around_it()
    {
        var july = Dev.Of(DevelopmentType.OfficialVisit, "2025-07-31");
        var august = Dev.Of(DevelopmentType.MilitaryCooperation, "2025-08-25");
        var augustByMonth = Dev.Of(DevelopmentType.Statement, "2025-08");
        var september = Dev.Of(DevelopmentType.Consultation, "2025-09-01");
        var known = Known(july, august, augustByMonth, september);

        var digest = MonthlyDigest.Of(known, 2025, 8, 180);

        Assert.Equal(new[] { augustByMonth.Id, august.Id }.Order(), digest.Developments.Select(d => d.Id).Order());
        Assert.Equal(new DateOnly(2025, 7, 31), digest.StartDate);
        Assert.Equal(new DateOnly(2025, 8, 31), digest.EndDate);
        Assert.Equal(known.Read(new DateOnly(2025, 7, 31), 180).Score, digest.Start.Score);
        Assert.Equal(known.Read(new DateOnly(2025, 8, 31), 180).Score, digest.End.Score);
        Assert.Equal(digest.End.Score - digest.Start.Score, digest.Change);
        Assert.Equal(august.Id, digest.TopContributors[0].Id);
    }

    [Theory]
    [InlineData(DevelopmentType.ArmedConflict, DigestVerdict.Deteriorated)]
    [InlineData(DevelopmentType.MilitaryCooperation, DigestVerdict.Improved)]
    [InlineData(DevelopmentType.Statement, DigestVerdict.Unchanged)]
    public void A_change_of_five_or_more_either_way_is_a_verdict_and_less_is_unchanged(DevelopmentType type, DigestVerdict verdict) =>
        Assert.Equal(verdict, MonthlyDigest.Of(Known(Dev.Of(type, "2025-08-15")), 2025, 8, 180).Verdict);

    [Fact]
    public void February_ends_on_its_last_day_in_a_leap_year()
    {
        var digest = MonthlyDigest.Of(Known(), 2024, 2, 180);

        Assert.Equal(new DateOnly(2024, 1, 31), digest.StartDate);
        Assert.Equal(new DateOnly(2024, 2, 29), digest.EndDate);
        Assert.Empty(digest.Developments);
        Assert.Equal(DigestVerdict.Unchanged, digest.Verdict);
    }
}
