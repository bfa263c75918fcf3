using System.Security.Cryptography;
using System.Text;
using RelationsTracker.Api.Notifications;

namespace RelationsTracker.Api.Subscriptions;

/// <summary>A webhook: notifications of the chosen relations and kinds are POSTed to the callback, signed with the secret.</summary>
public sealed record WebhookSubscription
{
    public Guid Id { get; init; }
    public string CallbackUrl { get; init; } = "";
    /// <summary>Canonical relation ids; empty means every relation.</summary>
    public IReadOnlyList<string> Relations { get; init; } = [];
    /// <summary>Notification kinds; empty means every kind.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public string Secret { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    public bool Wants(Notification n) =>
        (Relations.Count == 0 || Relations.Contains(n.Relation)) && (Kinds.Count == 0 || Kinds.Contains(n.Kind));

    /// <summary><c>sha256=&lt;hex HMAC-SHA256 of the body with the secret&gt;</c>, as X-Tracker-Signature carries it.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}

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

public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error, double Milliseconds);

/// <summary>The Wolverine message that makes one delivery (durable: it survives a restart, and so do its retries).</summary>
public sealed record DeliverWebhook(string DeliveryId);
