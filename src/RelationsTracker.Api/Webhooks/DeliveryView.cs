namespace RelationsTracker.Api.Webhooks;

public sealed record DeliveryView(string Id, long NotificationId, string Kind, string Status, int AttemptCount, IReadOnlyList<AttemptView> Attempts);
