using Wolverine;
using Wolverine.ErrorHandling;
using RelationsTracker.Notifying;

namespace RelationsTracker.Api.Webhooks;

public static class WebhookConfiguration
{
    public const string Queue = "webhooks";

    /// <summary>Deliveries go through a durable local queue: persisted with the notification, retried on a durable schedule.</summary>
    public static void AddWebhookDelivery(this WolverineOptions opts)
    {
        opts.PublishMessage<DeliverWebhook>().ToLocalQueue(Queue);
        opts.LocalQueue(Queue).UseDurableInbox().MaximumParallelMessages(16);
        opts.OnException<WebhookDeliveryFailed>().ScheduleRetry([.. WebhookDelivery.RetryDelays]);
    }

    /// <summary>
    /// A callback gets 10 seconds to answer; redirects are not followed (the URL was the one checked); connections
    /// go only to addresses <see cref="CallbackHosts"/> allows.
    /// </summary>
    public static void AddWebhookHttpClient(this IServiceCollection services) =>
        services.AddHttpClient(DeliverWebhookHandler.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                // An answer's body is not read (DeliverWebhookHandler); a connection is reused only if little is left of it.
                MaxResponseDrainSize = 4 * 1024,
                ResponseDrainTimeout = TimeSpan.FromMilliseconds(200),
                MaxResponseHeadersLength = 16,
                ConnectCallback = CallbackHosts.ConnectAsync,
            });
}
