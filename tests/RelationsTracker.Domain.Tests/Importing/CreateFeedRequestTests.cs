using RelationsTracker.Importing;

namespace RelationsTracker.Domain.Tests;

public class CreateFeedRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private const string Index = "http://data.gdeltproject.org/gdeltv2/lastupdate.txt";

    [Fact]
    public void A_feed_is_checked_every_fifteen_minutes_unless_told_and_first_at_once()
    {
        var (feed, errors) = new CreateFeedRequest { Url = Index }.ToFeed(Now, _ => null, minimumIntervalSeconds: 60);

        Assert.False(errors.Any);
        Assert.Equal((Index, CreateFeedRequest.DefaultIntervalSeconds, false, Now, Now),
            (feed!.Url, feed.IntervalSeconds, feed.Atomic, feed.CreatedAt, feed.NextCheckAt));
    }

    [Theory]
    [InlineData(59)]
    [InlineData(CreateFeedRequest.MaxIntervalSeconds + 1)]
    public void An_interval_under_the_setting_or_over_a_day_is_refused(int seconds)
    {
        var (feed, errors) = new CreateFeedRequest { Url = Index, IntervalSeconds = seconds }.ToFeed(Now, _ => null, minimumIntervalSeconds: 60);

        Assert.Null(feed);
        Assert.StartsWith("must be 60 to 86,400 seconds", Assert.Single(errors.ToDictionary()["intervalSeconds"]));
    }

    [Fact]
    public void A_url_that_is_not_web_or_that_the_host_rules_refuse_is_refused()
    {
        var (_, notWeb) = new CreateFeedRequest { Url = "file:///etc/passwd" }.ToFeed(Now, _ => null, 60);
        var (_, refused) = new CreateFeedRequest { Url = Index }.ToFeed(Now, _ => "not among the allowed download hosts", 60);

        Assert.Equal("must be an absolute http or https URL", Assert.Single(notWeb.ToDictionary()["url"]));
        Assert.Equal("not among the allowed download hosts", Assert.Single(refused.ToDictionary()["url"]));
    }
}
