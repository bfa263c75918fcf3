using System.Diagnostics;
using System.Text.Json;
using Marten;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Notifications;
using Wolverine;
using RelationsTracker.Notifying;

namespace RelationsTracker.Api.Webhooks;

/// <summary>
/// Makes one webhook delivery: POSTs the notification as JSON, signed, and logs the attempt. A failure or
/// a time-out throws, and Wolverine schedules the next attempt with exponential backoff (see
/// <see cref="WebhookDelivery.RetryDelays"/>); the message and its schedule are durable, so a delivery pending when the
/// service stops is made after it starts again. After the last attempt the delivery is marked failed.
/// </summary>
public static class DeliverWebhookHandler
{
    public const string HttpClientName = "webhooks";

    public static async Task Handle(
        DeliverWebhook message,
        Envelope envelope,
        IDocumentStore store,
        IHttpClientFactory clients,
        TimeProvider clock,
        ILogger<DeliverWebhook> logger,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, ct);
        // Already made (a redelivered message) or never recorded: nothing to do. At least once, not twice when we can tell.
        if (delivery is null || delivery.Status != WebhookDelivery.PendingStatus) return;

        var webhook = await session.LoadAsync<WebhookSubscription>(delivery.SubscriptionId, ct);
        var notification = await session.LoadAsync<Notification>(delivery.NotificationId, ct);
        if (webhook is null || notification is null)
        {
            session.Store(delivery.Abandoned(clock.GetUtcNow(), "the subscription was deleted"));
            await session.SaveChangesAsync(ct);
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(NotificationMessage.Of(notification), ApiJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.CallbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Tracker-Signature", WebhookSubscription.Signature(webhook.Secret, body));
        request.Headers.Add("X-Tracker-Delivery", delivery.Id);
        request.Headers.Add("X-Tracker-Event", notification.Kind);

        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        try
        {
            // The status is the answer; its body is never read, so a receiver cannot make the node hold it.
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"answered {status}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error = e is TaskCanceledException ? "timed out" : e.Message;
        }

        var attempt = new DeliveryAttempt(clock.GetUtcNow(), status, error, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var after = delivery.After(attempt, envelope.Attempts);
        session.Store(after);
        await session.SaveChangesAsync(ct);

        if (after.Status == WebhookDelivery.PendingStatus)
        {
            logger.LogInformation("Delivery {Delivery} to {Callback} failed ({Error}); attempt {Attempt} of {Max}",
                delivery.Id, webhook.CallbackUrl, error, envelope.Attempts, WebhookDelivery.MaxAttempts);
            throw new WebhookDeliveryFailed(delivery.Id, error!);
        }
    }
}
