namespace RelationsTracker.Notifying;

/// <summary>One notification's delivery to one webhook, with every attempt: the subscription's delivery log.</summary>
public sealed record WebhookDelivery
{
    public const string PendingStatus = "pending";
    public const string DeliveredStatus = "delivered";
    public const string FailedStatus = "failed";

    /// <summary>Also the X-Tracker-Delivery header: a receiver that sees it twice has seen the delivery before.</summary>
    public string Id { get; init; } = "";
    public Guid SubscriptionId { get; init; }
    public long NotificationId { get; init; }
    public string Kind { get; init; } = "";
    public string Status { get; init; } = PendingStatus;
    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<DeliveryAttempt> Attempts { get; init; } = [];

    public static string IdOf(Guid subscription, long notification) => $"{subscription:N}-{notification}";

    public static WebhookDelivery Create(WebhookSubscription webhook, Notification notification) => new()
    {
        Id = IdOf(webhook.Id, notification.Id),
        SubscriptionId = webhook.Id,
        NotificationId = notification.Id,
        Kind = notification.Kind,
        CreatedAt = notification.RecordedAt,
    };
}
