using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Developments;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Notifications;
using RelationsTracker.Relations;
using Wolverine.Http;

namespace RelationsTracker.Api.Webhooks;

/// <summary>Webhook subscriptions: create, read (with the delivery log), delete.</summary>
[Tags("Subscriptions")]
public static class SubscriptionEndpoints
{
    public const int MaxSecret = 512;
    public const int RecentDeliveries = 100;

    [WolverinePost("/api/subscriptions", OperationId = "createSubscription",
        Summary = "Subscribes a webhook: each notification wanted is POSTed to callbackUrl, signed with the secret")]
    [JsonRequestBody(typeof(CreateSubscriptionBody))]
    [ProducesResponseType<SubscriptionView>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [Problems(400, 413, 415)]
    public static async Task<IResult> Post(HttpRequest request, [FromServices] IDocumentSession session, [FromServices] TimeProvider clock,
        [FromServices] CallbackHosts hosts, CancellationToken ct)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, ct);
        if (problem is not null) return problem;
        using var _ = document;

        var (webhook, errors) = Parse(document!.RootElement, clock.GetUtcNow(), hosts);
        if (errors.Any) return errors.ToProblem();

        session.Insert(webhook!);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/subscriptions/{webhook!.Id}", SubscriptionView.Of(webhook, []));
    }

    [WolverineGet("/api/subscriptions/{id}", OperationId = "getSubscription", Summary = "A subscription with its most recent deliveries and their outcome")]
    [Parameters(ApiParameters.SubscriptionId)]
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
    [Parameters(ApiParameters.SubscriptionId)]
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

    public static (WebhookSubscription? Webhook, FieldErrors Errors) Parse(JsonElement root, DateTimeOffset now, CallbackHosts hosts)
    {
        var errors = new FieldErrors();
        if (JsonObjectReader.ForBody(root, errors) is not { } body) return (null, errors);
        var callback = body.String("callbackUrl", required: true, DevelopmentFields.MaxUrl);
        var secret = body.String("secret", required: true, MaxSecret);
        var relations = Strings(body, "relations", 100, errors);
        var kinds = Strings(body, "kinds", Notification.Kinds.Count, errors);
        body.RejectUnknownProperties();

        if (callback is not null && !DevelopmentFields.IsWebUrl(callback))
            errors.Add("callbackUrl", "must be an absolute http or https URL");
        else if (callback is not null && hosts.Refusal(new Uri(callback)) is { } refusal)
            errors.Add("callbackUrl", refusal);
        var canonical = new List<string>();
        for (var i = 0; i < relations.Count; i++)
        {
            if (RelationId.TryParse(relations[i], out var relation)) canonical.Add(relation.ToString());
            else errors.Add($"relations[{i}]", $"'{relations[i]}' is not a relation such as LBY-EAST~TUR");
        }
        for (var i = 0; i < kinds.Count; i++)
        {
            if (!Notification.Kinds.Contains(kinds[i]))
                errors.Add($"kinds[{i}]", $"'{kinds[i]}' is not a notification kind; use {string.Join(", ", Notification.Kinds)}");
        }
        if (errors.Any) return (null, errors);
        return (new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            CallbackUrl = callback!,
            Secret = secret!,
            Relations = canonical.Distinct().ToList(),
            Kinds = kinds.Distinct().ToList(),
            CreatedAt = now,
        }, errors);
    }

    private static IReadOnlyList<string> Strings(JsonObjectReader body, string name, int max, FieldErrors errors)
    {
        var items = body.Array(name, required: false, max);
        if (items is null) return [];
        var values = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind == JsonValueKind.String) values.Add(items[i].GetString()!);
            else errors.Add($"{name}[{i}]", $"must be a string, not {JsonObjectReader.Kind(items[i])}");
        }
        return values;
    }
}
