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
                // As a browser does, a block without data dispatches nothing.
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
