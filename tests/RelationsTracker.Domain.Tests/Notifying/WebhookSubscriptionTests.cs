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
}
