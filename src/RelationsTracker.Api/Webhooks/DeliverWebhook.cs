using Wolverine.Attributes;

namespace RelationsTracker.Api.Webhooks;

/// <summary>The Wolverine message that makes one delivery (durable: it survives a restart, and so do its retries).</summary>
[MessageIdentity("RelationsTracker.Api.Subscriptions.DeliverWebhook")] // its name before the namespace moved: messages stored by earlier versions are still handled
public sealed record DeliverWebhook(string DeliveryId);
