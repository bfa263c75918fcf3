using System.Threading.Channels;
using Marten;
using RelationsTracker.Api.Infrastructure;

namespace RelationsTracker.Api.Notifications;

/// <summary>
/// Every node's view of the stored notifications: it LISTENs for the subscription's NOTIFY (and polls every
/// second in case one is missed), reads the notifications past the last one it saw, in id order, and hands
/// them to every connected SSE client. A client that cannot keep up is cut off rather than allowed to slow
/// the feed or the other clients: it reconnects with Last-Event-ID and catches up from the store.
/// </summary>
public sealed class NotificationFeed(IDocumentStore store, IConfiguration configuration, ILogger<NotificationFeed> logger) : BackgroundService
{
    public const int ClientBuffer = 10_000;
    private const int PageSize = 1000;
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    private readonly object _lock = new();
    private readonly List<Listener> _listeners = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Dictionary<string, int> _clients = new(StringComparer.Ordinal);
    private readonly int _maxClientsPerKey = configuration.GetValue("Tracker:Notifications:MaxClientsPerKey", 100);

    /// <summary>Counts a stream against its key (or, for open reads, its address); false when it has too many.</summary>
    public bool TryAdmit(string client)
    {
        lock (_clients)
        {
            var count = _clients.GetValueOrDefault(client);
            if (count >= _maxClientsPerKey) return false;
            _clients[client] = count + 1;
            return true;
        }
    }

    public void Release(string client)
    {
        lock (_clients)
        {
            if (_clients.TryGetValue(client, out var count) && count > 1) _clients[client] = count - 1;
            else _clients.Remove(client);
        }
    }

    public int MaxClientsPerKey => _maxClientsPerKey;
    private long _cursor = -1;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Starts listening. Returns the channel of live notifications and the id of the last notification
    /// handed out before: everything after it will arrive on the channel.
    /// </summary>
    public async Task<(Listener Listener, long After)> ListenAsync(CancellationToken ct)
    {
        await _started.Task.WaitAsync(ct);
        var listener = new Listener(Channel.CreateBounded<Notification>(new BoundedChannelOptions(ClientBuffer) { SingleReader = true }));
        lock (_lock)
        {
            _listeners.Add(listener);
            return (listener, _cursor);
        }
    }

    public void Stop(Listener listener)
    {
        lock (_lock) _listeners.Remove(listener);
        listener.Channel.Writer.TryComplete();
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // Where "live" starts; while the database cannot say, clients wait (and may resume later) rather than fail.
        while (!_started.Task.IsCompleted)
        {
            try
            {
                await using var session = store.QuerySession();
                _cursor = await session.Query<Notification>().Select(n => n.Id).OrderByDescending(id => id).FirstOrDefaultAsync(ct);
                _started.TrySetResult();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Cannot read the last notification yet; retrying");
                await Task.Delay(PollEvery, ct);
            }
        }
        _ = Task.Run(() => PostgresChannel.ListenAsync(configuration.GetConnectionString("Marten")!, NotificationSubscription.Channel, () => _wake.Release(), logger, ct), ct);

        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(PollEvery, ct);
                await ReadNewAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Reading new notifications failed; retrying");
                await Task.Delay(PollEvery, ct);
            }
        }
    }

    private async Task ReadNewAsync(CancellationToken ct)
    {
        while (true)
        {
            IReadOnlyList<Notification> page;
            await using (var session = store.QuerySession())
            {
                var after = _cursor;
                page = await session.Query<Notification>().Where(n => n.Id > after).OrderBy(n => n.Id).Take(PageSize).ToListAsync(ct);
            }
            if (page.Count == 0) return;
            lock (_lock)
            {
                foreach (var notification in page)
                {
                    foreach (var listener in _listeners)
                    {
                        // A full buffer means the client stopped reading: end its stream, it resumes from the store.
                        if (!listener.Channel.Writer.TryWrite(notification)) listener.Channel.Writer.TryComplete(new ClientTooSlow());
                    }
                }
                _cursor = page[^1].Id;
            }
            // A short page was everything there was: no need to ask again until the next wake-up.
            if (page.Count < PageSize) return;
        }
    }

    public sealed record Listener(Channel<Notification> Channel);

    public sealed class ClientTooSlow() : Exception("The client fell more than " + ClientBuffer + " notifications behind.");
}
