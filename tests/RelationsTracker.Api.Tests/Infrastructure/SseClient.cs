using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>A Server-Sent Events client over HttpClient and .NET's <see cref="SseParser"/>: hands out messages in order.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SseMessage> _messages = Channel.CreateUnbounded<SseMessage>();
    private readonly HttpResponseMessage _response;
    private readonly Task _reading;

    public int Status => (int)_response.StatusCode;
    public HttpResponseMessage Response => _response;

    /// <summary>The last id the server sent, with a message or alone: where a browser would resume.</summary>
    public long? LastEventId { get; private set; }

    /// <summary>Completes when the server ends the stream (or the connection breaks).</summary>
    public Task Ended => _reading;

    private SseClient(HttpResponseMessage response)
    {
        _response = response;
        _reading = Task.Run(ReadAsync);
    }

    public static async Task<SseClient> ConnectAsync(HttpClient client, string url, long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId.Value.ToString());
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseClient(response);
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var stream = await _response.Content.ReadAsStreamAsync(_stop.Token);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(_stop.Token))
            {
                // As a browser does: an id sets where to resume; a block without data dispatches nothing.
                if (!string.IsNullOrEmpty(item.EventId)) LastEventId = long.Parse(item.EventId);
                if (item.Data.Length == 0) continue;
                await _messages.Writer.WriteAsync(new SseMessage(long.Parse(item.EventId!), item.EventType, JsonNode.Parse(item.Data)!.AsObject()));
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (IOException) { }
        catch (HttpRequestException) { }
        finally { _messages.Writer.TryComplete(); }
    }

    /// <summary>The next <paramref name="count"/> messages, or a failure naming how many came within the time.</summary>
    public async Task<List<SseMessage>> TakeAsync(int count, TimeSpan? within = null)
    {
        var taken = new List<SseMessage>();
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        try
        {
            while (taken.Count < count) taken.Add(await _messages.Reader.ReadAsync(timeout.Token));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Expected {count} notifications, got {taken.Count}: {string.Join(", ", taken.Select(m => $"{m.Id} {m.Event}"))}");
        }
        return taken;
    }

    /// <summary>
    /// <paramref name="count"/> messages after <paramref name="lastEventId"/>, reconnecting from the last id as a browser
    /// does whenever the server ends a (bounded) replay.
    /// </summary>
    public static async Task<List<SseMessage>> CatchUpAsync(HttpClient client, string url, long lastEventId, int count, TimeSpan within)
    {
        var taken = new List<SseMessage>();
        var deadline = DateTime.UtcNow + within;
        while (taken.Count < count && DateTime.UtcNow < deadline)
        {
            await using var sse = await ConnectAsync(client, url, lastEventId);
            while (taken.Count < count && DateTime.UtcNow < deadline)
            {
                if (sse._messages.Reader.TryRead(out var message)) { taken.Add(message); continue; }
                if (sse._reading.IsCompleted && !sse._messages.Reader.TryPeek(out _)) break;
                await Task.WhenAny(sse._messages.Reader.WaitToReadAsync().AsTask(), Task.Delay(100));
            }
            lastEventId = sse.LastEventId ?? lastEventId;
        }
        Assert.True(taken.Count == count, $"Expected {count} notifications, got {taken.Count}");
        return taken;
    }

    /// <summary>The messages already received and not yet taken.</summary>
    public List<SseMessage> TakeAvailable()
    {
        var taken = new List<SseMessage>();
        while (_messages.Reader.TryRead(out var message)) taken.Add(message);
        return taken;
    }

    /// <summary>Nothing more arrives within the time.</summary>
    public async Task ExpectNothingAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            var extra = await _messages.Reader.ReadAsync(timeout.Token);
            Assert.Fail($"Expected no more notifications, got {extra.Id} {extra.Event} {extra.Data.ToJsonString()}");
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _response.Dispose();
        try { await _reading; } catch { /* closing */ }
    }
}

public sealed record SseMessage(long Id, string Event, JsonObject Data);
