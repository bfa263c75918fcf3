namespace RelationsTracker.Api.Webhooks;

public sealed class WebhookDeliveryFailed(string deliveryId, string error) : Exception($"Webhook delivery {deliveryId} failed: {error}");
