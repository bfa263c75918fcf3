using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Notifying;
using Wolverine.Http;

namespace RelationsTracker.Api.Webhooks;

/// <summary>A webhook subscription, read (with its delivery log) or deleted.</summary>
[Tags("Subscriptions")]
public static class SubscriptionEndpoints
{
    public const int RecentDeliveries = 100;

    [WolverineGet("/api/subscriptions/{id}", OperationId = "getSubscription", Summary = "A subscription with its most recent deliveries and their outcome")]
    [ProducesResponseType<SubscriptionView>(StatusCodes.Status200OK)]
    [Problems(400, 404)]
    public static async Task<IResult> Get(string id, [FromServices] IQuerySession session, CancellationToken ct)
    {
        if (Problems.NotAnId(id, "a subscription", out var subscriptionId) is { } notAnId) return notAnId;
        var webhook = await session.LoadAsync<WebhookSubscription>(subscriptionId, ct);
        if (webhook is null) return Problems.NotFound($"No subscription {id}.");
        var deliveries = await session.Query<WebhookDelivery>()
            .Where(d => d.SubscriptionId == subscriptionId)
            .OrderByDescending(d => d.NotificationId)
            .Take(RecentDeliveries)
            .ToListAsync(ct);
        return TypedResults.Ok(SubscriptionView.Of(webhook, deliveries));
    }

    [WolverineDelete("/api/subscriptions/{id}", OperationId = "deleteSubscription", Summary = "Deletes a subscription and its delivery log; pending deliveries stop")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [Problems(400, 404)]
    public static async Task<IResult> Delete(string id, [FromServices] IDocumentSession session, CancellationToken ct)
    {
        if (Problems.NotAnId(id, "a subscription", out var subscriptionId) is { } notAnId) return notAnId;
        if (await session.LoadAsync<WebhookSubscription>(subscriptionId, ct) is null) return Problems.NotFound($"No subscription {id}.");
        // Deliveries still pending find no subscription and stop; the log goes with it.
        session.Delete<WebhookSubscription>(subscriptionId);
        session.DeleteWhere<WebhookDelivery>(d => d.SubscriptionId == subscriptionId);
        await session.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
