using System.Text;
using RelationsTracker.Notifying;

namespace RelationsTracker.Domain.Tests;

public class WebhookSubscriptionTests
{
    private static readonly Notification Recorded = new() { Id = 7, Kind = Notification.DevelopmentRecorded, Relation = "LBY-EAST~TUR" };

    [Fact]
    public void A_webhook_wants_the_notifications_of_its_relations_and_kinds_and_none_named_means_every_one()
    {
        Assert.True(new WebhookSubscription().Wants(Recorded));
        Assert.True(new WebhookSubscription { Relations = ["LBY-EAST~TUR"], Kinds = [Notification.DevelopmentRecorded] }.Wants(Recorded));
        Assert.False(new WebhookSubscription { Relations = ["GRC~TUR"] }.Wants(Recorded));
        Assert.False(new WebhookSubscription { Kinds = [Notification.PhaseChanged] }.Wants(Recorded));
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_body_with_the_secret()
    {
        // The common HMAC-SHA256 example, computed independently (Python's hmac module).
        Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
            WebhookSubscription.Signature("key", Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog")));
    }

    [Fact]
    public void A_delivery_is_named_by_its_webhook_and_notification_and_starts_pending()
    {
        var webhook = new WebhookSubscription { Id = Guid.Parse("0193a1b2-0000-7000-8000-000000000001") };

        var delivery = WebhookDelivery.Create(webhook, Recorded);

        Assert.Equal("0193a1b2000070008000000000000001-7", delivery.Id);
        Assert.Equal((WebhookDelivery.PendingStatus, Notification.DevelopmentRecorded, 7L), (delivery.Status, delivery.Kind, delivery.NotificationId));
        Assert.Empty(delivery.Attempts);
    }

    [Fact]
    public void A_delivery_is_tried_21_times_over_about_nine_hours_with_backoff_doubling_up_to_an_hour()
    {
        Assert.Equal(21, WebhookDelivery.MaxAttempts);
        Assert.Equal([1, 2, 4, 8], WebhookDelivery.RetryDelays.Take(4).Select(d => d.TotalSeconds));
        Assert.Equal(TimeSpan.FromHours(1), WebhookDelivery.RetryDelays[^1]);
        Assert.InRange(WebhookDelivery.RetryDelays.Sum(d => d.TotalHours), 8.5, 9.5);
    }

    [Fact]
    public void An_attempt_delivers_or_leaves_the_delivery_pending_until_the_last_fails_it_and_each_is_logged()
    {
        var at = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var pending = WebhookDelivery.Create(new WebhookSubscription { Id = Guid.NewGuid() }, Recorded);
        var failedOnce = pending.After(new DeliveryAttempt(at, 500, "answered 500", 12), number: 1);
        var delivered = failedOnce.After(new DeliveryAttempt(at, 204, null, 8), number: 2);
        var failedLast = pending.After(new DeliveryAttempt(at, null, "timed out", 10_000), number: WebhookDelivery.MaxAttempts);

        Assert.Equal((WebhookDelivery.PendingStatus, 1), (failedOnce.Status, failedOnce.Attempts.Count));
        Assert.Equal((WebhookDelivery.DeliveredStatus, 2), (delivered.Status, delivered.Attempts.Count));
        Assert.Equal(WebhookDelivery.FailedStatus, failedLast.Status);
        var abandoned = pending.Abandoned(at, "the subscription was deleted");
        Assert.Equal((WebhookDelivery.FailedStatus, "the subscription was deleted"), (abandoned.Status, abandoned.Attempts.Single().Error));
    }
}
