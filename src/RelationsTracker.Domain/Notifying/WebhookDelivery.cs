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

    /// <summary>Exponential backoff between attempts: 1 s, 2 s, 4 s ... then hourly; 21 attempts over about 9 hours.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [.. Enumerable.Range(0, 20).Select(i => TimeSpan.FromSeconds(Math.Min(Math.Pow(2, i), 3600)))];

    public static int MaxAttempts => RetryDelays.Count + 1;

    /// <summary>
    /// The delivery after its <paramref name="number"/>th attempt (from 1): delivered when it succeeded, failed when it
    /// was the last, pending otherwise.
    /// </summary>
    public WebhookDelivery After(DeliveryAttempt attempt, int number) => this with
    {
        Status = attempt.Error is null ? DeliveredStatus : number >= MaxAttempts ? FailedStatus : PendingStatus,
        Attempts = [.. Attempts, attempt],
    };

    /// <summary>A delivery that cannot be made (its subscription or notification is gone): failed, with the reason logged.</summary>
    public WebhookDelivery Abandoned(DateTimeOffset at, string reason) =>
        this with { Status = FailedStatus, Attempts = [.. Attempts, new DeliveryAttempt(at, null, reason, 0)] };

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
