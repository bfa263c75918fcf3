using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using Wolverine.Http;
using RelationsTracker.Notifying;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Webhooks;

/// <summary>Subscribes a webhook to notifications.</summary>
[Tags("Subscriptions")]
public static class CreateSubscriptionEndpoint
{
    public static (WebhookSubscription?, IResult) Validate(CreateSubscriptionRequest body, [FromServices] TimeProvider clock, [FromServices] CallbackHosts hosts)
    {
        var (webhook, errors) = body.ToSubscription(clock.GetUtcNow(), hosts.Refusal);
        return (webhook, errors.Any ? Problems.Validation(errors) : WolverineContinue.Result());
    }

    // The body is bound on the endpoint method, where Wolverine looks for it; Validate checks it and makes the command.
    [WolverinePost("/api/subscriptions", OperationId = "createSubscription",
        Summary = "Subscribes a webhook: each notification wanted is POSTed to callbackUrl, signed with the secret")]
    [ProducesResponseType<SubscriptionView>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [Problems(400, 413, 415)]
    public static async Task<IResult> Post(CreateSubscriptionRequest body, WebhookSubscription webhook, [FromServices] IDocumentSession session, CancellationToken ct)
    {
        session.Insert(webhook);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/subscriptions/{webhook.Id}", SubscriptionView.Of(webhook, []));
    }
}
