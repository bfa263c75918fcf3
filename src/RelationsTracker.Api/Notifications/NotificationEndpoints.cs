using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using Wolverine.Http;
using RelationsTracker.Notifying;

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
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, "text/event-stream", Description = "An endless text/event-stream of notifications")]
    [Problems(400, 429)]
    // A Task, not an IResult: Wolverine 6.62 writes a query value's 400 with an await, which a synchronous endpoint's generated code cannot hold.
    public static Task<IResult> Get([AsParameters] NotificationQuery query, HttpContext context, [FromServices] NotificationFeed feed,
        [FromServices] IDocumentStore store, [FromServices] IHostApplicationLifetime lifetime) =>
        Task.FromResult(Open(query, context, feed, store, lifetime));

    private static IResult Open(NotificationQuery query, HttpContext context, NotificationFeed feed, IDocumentStore store, IHostApplicationLifetime lifetime)
    {
        if (!query.TryGetLastEventId(out var lastEventId, out var problem)) return Problems.Validation(ApiParameters.LastEventId, problem!);

        var client = context.Request.Headers[Security.ApiKeys.Header].FirstOrDefault() is { Length: > 0 } key
            ? "key:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))
            : "address:" + context.Connection.RemoteIpAddress;
        if (!feed.TryAdmit(client))
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests",
                detail: $"At most {feed.MaxClientsPerKey} notification streams per key (or address) at once.");
        return TypedResults.ServerSentEvents(StreamAsync(context, feed, store, lifetime, query.Wants, lastEventId, client));
    }

    /// <summary>
    /// The stream's messages: with Last-Event-ID, every stored notification after it, then live ones. It ends when the
    /// client goes, falls too far behind, or the service stops (so a stop need not wait for open streams; the client
    /// resumes by Last-Event-ID). The framework writes messages only: the opening <c>retry:</c> (which also sends the
    /// headers at once) and the keep-alive comments are written between them.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(HttpContext context, NotificationFeed feed, IDocumentStore store,
        IHostApplicationLifetime lifetime, Func<Notification, bool> wanted, long? lastEventId, string client)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        NotificationFeed.Listener? listener = null;
        try
        {
            // Proxies such as nginx would otherwise buffer the stream (the framework sets the other headers).
            context.Response.Headers["X-Accel-Buffering"] = "no";
            listener = await Cancellable(feed.ListenAsync(ct));
            if (listener is null) yield break;
            var last = lastEventId ?? listener.After;
            if (!await WriteBetweenMessagesAsync(context, Retry, ct)) yield break;

            // Listening started first, so nothing made after the replay's last page can be missed.
            // A replay reads at most MaxReplay stored notifications; then the stream ends with the id it reached, and the
            // client (a browser, by itself) reconnects from there.
            if (lastEventId is not null)
            {
                var read = 0;
                while (await Cancellable(PageAfterAsync(store, last, Math.Min(ReplayPage, feed.MaxReplay - read), ct)) is { Count: > 0 } page)
                {
                    foreach (var n in page.Where(wanted)) yield return Item(n);
                    last = page[^1].Id;
                    read += page.Count;
                    if (read < feed.MaxReplay) continue;
                    await WriteBetweenMessagesAsync(context, Encoding.UTF8.GetBytes($"id: {last}\n\n"), ct);
                    yield break;
                }
            }

            var reader = listener.Channel.Reader;
            while (await NextAsync(reader, ct) is var next && next != Next.End)
            {
                if (next == Next.KeepAlive)
                {
                    if (!await WriteBetweenMessagesAsync(context, KeepAliveComment, ct)) yield break;
                    continue;
                }
                while (reader.TryRead(out var n))
                {
                    if (n.Id <= last) continue;
                    last = n.Id;
                    if (wanted(n)) yield return Item(n);
                }
            }
        }
        finally
        {
            if (listener is not null) feed.Stop(listener);
            feed.Release(client);
        }
    }

    private static readonly byte[] Retry = "retry: 2000\n\n"u8.ToArray();
    private static readonly byte[] KeepAliveComment = ": keep-alive\n\n"u8.ToArray();

    /// <summary>Writes a line that is not a message; false when the client has gone.</summary>
    private static async Task<bool> WriteBetweenMessagesAsync(HttpContext context, byte[] text, CancellationToken ct)
    {
        try
        {
            await context.Response.Body.WriteAsync(text, ct);
            await context.Response.Body.FlushAsync(ct);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private static SseItem<string> Item(Notification n) =>
        new(JsonSerializer.Serialize(NotificationMessage.Of(n), ApiJson.Options), n.Kind) { EventId = n.Id.ToString(CultureInfo.InvariantCulture) };

    private const int ReplayPage = 500;

    private static async Task<IReadOnlyList<Notification>> PageAfterAsync(IDocumentStore store, long after, int size, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<Notification>().Where(n => n.Id > after).OrderBy(n => n.Id).Take(size).ToListAsync(ct);
    }

    private enum Next { Ready, KeepAlive, End }

    /// <summary>Waits for live notifications: End when the stream should stop (cancelled, or the client fell too far behind).</summary>
    private static async Task<Next> NextAsync(ChannelReader<Notification> reader, CancellationToken ct)
    {
        using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(ct);
        keepAlive.CancelAfter(KeepAlive);
        try
        {
            return await reader.WaitToReadAsync(keepAlive.Token) ? Next.Ready : Next.End;
        }
        catch (OperationCanceledException)
        {
            return ct.IsCancellationRequested ? Next.End : Next.KeepAlive;
        }
        catch (NotificationFeed.ClientTooSlow)
        {
            return Next.End;
        }
    }

    /// <summary>The task's result, or null when it was cancelled: an ending stream is not an error.</summary>
    private static async Task<T?> Cancellable<T>(Task<T> task) where T : class
    {
        try
        {
            return await task;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
