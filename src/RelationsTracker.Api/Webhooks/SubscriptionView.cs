using RelationsTracker.Notifying;

namespace RelationsTracker.Api.Webhooks;

public sealed record SubscriptionView(
    Guid Id,
    string CallbackUrl,
    IReadOnlyList<string> Relations,
    IReadOnlyList<string> Kinds,
    DateTime CreatedAt,
    IReadOnlyList<DeliveryView> Deliveries)
{
    public static SubscriptionView Of(WebhookSubscription w, IEnumerable<WebhookDelivery> deliveries) => new(
        w.Id, w.CallbackUrl, w.Relations, w.Kinds, w.CreatedAt.UtcDateTime,
        deliveries.Select(d => new DeliveryView(d.Id, d.NotificationId, d.Kind, d.Status, d.Attempts.Count,
            d.Attempts.Select(a => new AttemptView(a.At.UtcDateTime, a.StatusCode, a.Error, Math.Round(a.Milliseconds, 1))).ToList())).ToList());
}
