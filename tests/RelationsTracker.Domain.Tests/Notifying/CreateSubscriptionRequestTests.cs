using RelationsTracker.Notifying;

namespace RelationsTracker.Domain.Tests;

public class CreateSubscriptionRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly Func<Uri, string?> AnyHost = _ => null;

    [Fact]
    public void A_subscription_names_each_relation_canonically_once_and_each_kind_once()
    {
        var request = new CreateSubscriptionRequest
        {
            CallbackUrl = "https://hooks.example/tracker", Secret = "s3cret",
            Relations = ["TUR~LBY-EAST", "LBY-EAST~TUR"], Kinds = [Notification.PhaseChanged, Notification.PhaseChanged],
        };

        var (webhook, errors) = request.ToSubscription(Now, AnyHost);

        Assert.False(errors.Any);
        Assert.Equal(["LBY-EAST~TUR"], webhook!.Relations);
        Assert.Equal([Notification.PhaseChanged], webhook.Kinds);
        Assert.Equal((Now, "https://hooks.example/tracker", "s3cret"), (webhook.CreatedAt, webhook.CallbackUrl, webhook.Secret));
    }

    [Fact]
    public void Each_bad_field_is_named_and_no_subscription_is_made()
    {
        var request = new CreateSubscriptionRequest
        {
            CallbackUrl = "ftp://hooks.example", Secret = "",
            Relations = ["TUR"], Kinds = ["development-recorded", "everything"],
        };

        var (webhook, errors) = request.ToSubscription(Now, AnyHost);

        Assert.Null(webhook);
        var named = errors.ToDictionary();
        Assert.Equal(["callbackUrl", "kinds[1]", "relations[0]", "secret"], named.Keys.Order());
        Assert.Equal("must be an absolute http or https URL", Assert.Single(named["callbackUrl"]));
        Assert.Contains("'everything' is not a notification kind", Assert.Single(named["kinds[1]"]));
    }

    [Fact]
    public void A_callback_the_host_rules_refuse_is_refused_with_their_reason()
    {
        var request = new CreateSubscriptionRequest { CallbackUrl = "http://169.254.169.254/latest", Secret = "s" };

        var (webhook, errors) = request.ToSubscription(Now, url => url.Host == "169.254.169.254" ? "a metadata address" : null);

        Assert.Null(webhook);
        Assert.Equal("a metadata address", Assert.Single(errors.ToDictionary()["callbackUrl"]));
    }

    [Fact]
    public void More_relations_or_kinds_than_a_subscription_takes_are_refused()
    {
        var request = new CreateSubscriptionRequest
        {
            CallbackUrl = "https://hooks.example", Secret = "s",
            Relations = Enumerable.Repeat("LBY-EAST~TUR", CreateSubscriptionRequest.MaxRelations + 1).ToList(),
            Kinds = Enumerable.Repeat(Notification.PhaseChanged, Notification.Kinds.Count + 1).ToList(),
        };

        var (_, errors) = request.ToSubscription(Now, AnyHost);

        var named = errors.ToDictionary();
        Assert.Equal($"must have at most {CreateSubscriptionRequest.MaxRelations} items (it has {CreateSubscriptionRequest.MaxRelations + 1})", Assert.Single(named["relations"]));
        Assert.StartsWith("must have at most", Assert.Single(named["kinds"]));
    }
}
