using System.Threading.Channels;
using Marten;
using Marten.Events.Daemon.HighWater;
using Weasel.Postgresql;
using RelationsTracker.Notifying;

namespace RelationsTracker.Api.Notifications;

/// <summary>
/// Every node's view of the stored notifications: it LISTENs for the subscription's NOTIFY through Marten's
/// own listener (and polls every second in case one is missed), reads the notifications past the last one it saw, in id order, and hands
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

    /// <summary>At most this many stored notifications are read for one request's replay; the client resumes from where it ended.</summary>
    public int MaxReplay { get; } = configuration.GetValue("Tracker:Notifications:MaxReplay", 1000);
    private long _cursor = -1;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Starts listening: everything after the listener's <see cref="Listener.After"/> (the last notification handed
    /// out before) will arrive on its channel.
    /// </summary>
    public async Task<Listener> ListenAsync(CancellationToken ct)
    {
        await _started.Task.WaitAsync(ct);
        lock (_lock)
        {
            var listener = new Listener(Channel.CreateBounded<Notification>(new BoundedChannelOptions(ClientBuffer) { SingleReader = true }), _cursor);
            _listeners.Add(listener);
            return listener;
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
        var database = (PostgresqlDatabase)store.Storage.Database;
        using var notified = new PostgresqlListenWakeup(database.DataSource, logger, NotificationSubscription.Channel);
        var found = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // The listener forgets a NOTIFY heard while a read ran; after a read that found something, read again
                // at once rather than wait, so a notification committed during that read is never left for the poll.
                if (!found) await notified.WaitAsync(PollEvery, ct);
                found = await ReadNewAsync(ct);
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

    /// <summary>Hands out every notification stored past the cursor; true when there was any.</summary>
    private async Task<bool> ReadNewAsync(CancellationToken ct)
    {
        var found = false;
        while (true)
        {
            IReadOnlyList<Notification> page;
            await using (var session = store.QuerySession())
            {
                var after = _cursor;
                page = await session.Query<Notification>().Where(n => n.Id > after).OrderBy(n => n.Id).Take(PageSize).ToListAsync(ct);
            }
            if (page.Count == 0) return found;
            found = true;
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
            if (page.Count < PageSize) return found;
        }
    }

    public sealed record Listener(Channel<Notification> Channel, long After);

    public sealed class ClientTooSlow() : Exception("The client fell more than " + ClientBuffer + " notifications behind.");
}
