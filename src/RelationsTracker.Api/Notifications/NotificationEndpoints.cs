using System.Globalization;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Api.Infrastructure.OpenApi;
using RelationsTracker.Relations;
using Wolverine.Http;

namespace RelationsTracker.Api.Notifications;

[Tags("Notifications")]
public static class NotificationEndpoints
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Server-Sent Events: every notification as it is made. With Last-Event-ID (the header browsers send on
    /// reconnect, or the lastEventId parameter), first every stored notification after that id, then live
    /// ones; none lost, none twice.
    /// </summary>
    [WolverineGet("/api/notifications", OperationId = "streamNotifications",
        Summary = "Server-Sent Events: every notification as it is made",
        Description = "Each message has id: (a number that only grows), event: (the kind) and data: (a NotificationMessage as JSON). " +
                      "Reconnect with Last-Event-ID to receive every notification missed, then the live ones. " +
                      "429 when the key (or, without one, the address) already has its maximum of streams open.")]
    [Parameters(ApiParameters.Relation, ApiParameters.Kinds, ApiParameters.LastEventIdQuery, ApiParameters.LastEventId)]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, "text/event-stream", Description = "An endless text/event-stream of notifications")]
    [Problems(400, 429)]
    public static IResult Get(HttpRequest request, [FromServices] NotificationFeed feed, [FromServices] IDocumentStore store)
    {
        var errors = new FieldErrors();
        string? relation = null;
        if (Relations.ReadParameters.Single(request, "relation", errors) is { } relationText)
        {
            if (RelationId.TryParse(relationText, out var id)) relation = id.ToString();
            else errors.Add("relation", $"'{relationText}' is not a relation such as LBY-EAST~TUR");
        }
        HashSet<string>? kinds = null;
        if (Relations.ReadParameters.Single(request, "kinds", errors) is { } kindsText)
        {
            kinds = kindsText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            foreach (var kind in kinds.Where(k => !Notification.Kinds.Contains(k)))
                errors.Add("kinds", $"'{kind}' is not a notification kind; use {string.Join(", ", Notification.Kinds)}");
            if (kinds.Count == 0) errors.Add("kinds", "names no kind");
        }
        long? lastEventId = null;
        var lastText = request.Headers["Last-Event-ID"].FirstOrDefault() ?? Relations.ReadParameters.Single(request, "lastEventId", errors);
        if (lastText is not null)
        {
            if (long.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var last)) lastEventId = last;
            else errors.Add("Last-Event-ID", $"'{lastText}' is not a notification id (a whole number)");
        }
        if (errors.Any) return errors.ToProblem();

        var client = request.Headers[Security.ApiKeys.Header].FirstOrDefault() is { Length: > 0 } key
            ? "key:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))
            : "address:" + request.HttpContext.Connection.RemoteIpAddress;
        if (!feed.TryAdmit(client))
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests",
                detail: $"At most {feed.MaxClientsPerKey} notification streams per key (or address) at once.");
        return new NotificationStream(feed, store, n => (relation is null || n.Relation == relation) && (kinds is null || kinds.Contains(n.Kind)), lastEventId, client);
    }

    private sealed class NotificationStream(NotificationFeed feed, IDocumentStore store, Func<Notification, bool> wanted, long? lastEventId, string client) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            var ct = context.RequestAborted;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

            NotificationFeed.Listener listener;
            long last;
            try
            {
                (listener, var now) = await feed.ListenAsync(ct);
                last = lastEventId ?? now;
            }
            catch (OperationCanceledException)
            {
                feed.Release(client);
                return;
            }
            try
            {
                await WriteAsync(response, "retry: 2000\n\n", ct);

                // Listening started first, so nothing made after the replay's last page can be missed.
                if (lastEventId is not null)
                {
                    while (true)
                    {
                        IReadOnlyList<Notification> page;
                        await using (var session = store.QuerySession())
                        {
                            var after = last;
                            page = await session.Query<Notification>().Where(n => n.Id > after).OrderBy(n => n.Id).Take(500).ToListAsync(ct);
                        }
                        if (page.Count == 0) break;
                        foreach (var n in page) await SendAsync(response, n, ct);
                        last = page[^1].Id;
                    }
                }

                var reader = listener.Channel.Reader;
                while (!ct.IsCancellationRequested)
                {
                    using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    keepAlive.CancelAfter(KeepAlive);
                    bool more;
                    try
                    {
                        more = await reader.WaitToReadAsync(keepAlive.Token);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        await WriteAsync(response, ": keep-alive\n\n", ct);
                        continue;
                    }
                    if (!more) break;
                    while (reader.TryRead(out var n))
                    {
                        if (n.Id <= last) continue;
                        await SendAsync(response, n, ct, flush: false);
                        last = n.Id;
                    }
                    await response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (NotificationFeed.ClientTooSlow)
            {
            }
            finally
            {
                feed.Stop(listener);
                feed.Release(client);
            }
        }

        private async Task SendAsync(HttpResponse response, Notification n, CancellationToken ct, bool flush = true)
        {
            if (!wanted(n)) return;
            var data = JsonSerializer.Serialize(NotificationMessage.Of(n), ApiJson.Options);
            await WriteAsync(response, $"id: {n.Id}\nevent: {n.Kind}\ndata: {data}\n\n", ct, flush);
        }

        private static async Task WriteAsync(HttpResponse response, string text, CancellationToken ct, bool flush = true)
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
            if (flush) await response.Body.FlushAsync(ct);
        }
    }
}
