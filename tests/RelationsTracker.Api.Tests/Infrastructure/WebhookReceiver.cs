using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>A real HTTP server on loopback that receives webhook deliveries and answers what the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication _app = null!;
    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();
    /// <summary>The status to answer; the test may change it at any time.</summary>
    public volatile int Answer = 200;
    public string Url { get; private set; } = "";
    /// <summary>While true, each POST is held unanswered (until its sender goes away) and its delivery id noted in <see cref="Held"/>.</summary>
    public volatile bool Hold;
    public ConcurrentQueue<string> Held { get; } = new();
    /// <summary>While true, each answer is a 200 whose body does not end (a hostile receiver).</summary>
    public volatile bool EndlessBody;

    private WebhookReceiver()
    {
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        (receiver._app, var baseUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            if (receiver.Hold)
            {
                receiver.Held.Enqueue(request.Headers["X-Tracker-Delivery"].ToString());
                try { await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted); } catch (OperationCanceledException) { }
                return Results.Empty;
            }
            var status = receiver.Answer;
            if (receiver.EndlessBody)
            {
                receiver.Received.Enqueue(new ReceivedDelivery(request.Headers["X-Tracker-Delivery"].ToString(),
                    request.Headers["X-Tracker-Signature"].ToString(), request.Headers["X-Tracker-Event"].ToString(), buffer.ToArray(), 200));
                var chunk = new byte[64 * 1024];
                try
                {
                    // Endless to the tracker (longer than its 10 s per delivery); bounded in time here, as writes to a
                    // closed connection may complete without error.
                    var until = DateTime.UtcNow.AddSeconds(15);
                    while (!request.HttpContext.RequestAborted.IsCancellationRequested && DateTime.UtcNow < until)
                    {
                        await request.HttpContext.Response.Body.WriteAsync(chunk, request.HttpContext.RequestAborted);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException) { }
                return Results.Empty;
            }
            receiver.Received.Enqueue(new ReceivedDelivery(
                request.Headers["X-Tracker-Delivery"].ToString(),
                request.Headers["X-Tracker-Signature"].ToString(),
                request.Headers["X-Tracker-Event"].ToString(),
                buffer.ToArray(),
                status));
            return Results.StatusCode(status);
        }));
        receiver.Url = $"{baseUrl}/hook";
        return receiver;
    }

    /// <summary>Waits until a delivery matching the condition has arrived.</summary>
    public async Task<ReceivedDelivery> WaitForAsync(Func<ReceivedDelivery, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(condition) is { } found) return found;
            await Task.Delay(50);
        }
        Assert.Fail($"No matching delivery within {within}; received {Received.Count}: {string.Join(", ", Received.Select(r => $"{r.DeliveryId}→{r.AnsweredWith}"))}");
        return null!;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedDelivery(string DeliveryId, string Signature, string Event, byte[] Body, int AnsweredWith);
