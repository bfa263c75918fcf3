using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace RelationsTracker.Bench;

/// <summary>A webhook receiver on loopback that holds each delivery a while before its 200.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _delivered = new();
    private readonly Task _serving;

    public string Url { get; }

    private WebhookReceiver(TimeSpan hold)
    {
        var port = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        port.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)port.LocalEndpoint).Port}/hook/";
        port.Stop();
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); } catch { return; }
                _ = Task.Run(async () =>
                {
                    try
                    {
                        var body = await JsonNode.ParseAsync(context.Request.InputStream);
                        await Task.Delay(hold);
                        context.Response.StatusCode = 200;
                        context.Response.Close();
                        _delivered.TryAdd(body!["developmentId"]!.GetValue<string>(), Stopwatch.GetTimestamp());
                    }
                    catch { /* its sender died */ }
                });
            }
        });
    }

    public static WebhookReceiver Start(TimeSpan hold) => new(hold);

    public bool Delivered(string id) => _delivered.ContainsKey(id);

    /// <summary>When the last of these developments was delivered.</summary>
    public async Task<long> AllDeliveredAsync(ICollection<string> ids, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (ids.Any(id => !_delivered.ContainsKey(id)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{ids.Count(id => !_delivered.ContainsKey(id))} of {ids.Count} deliveries never came");
            await Task.Delay(50);
        }
        return ids.Max(id => _delivered[id]);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try { await _serving; } catch { /* stopping */ }
    }
}
