using System.Diagnostics;
using JasperFx.Events.Daemon.HighWater;
using Marten;

namespace RelationsTracker.Api.Infrastructure;

/// <summary>
/// Every transaction that appends events, on any node, says so with a PostgreSQL NOTIFY (delivered when it
/// commits, never before), so the daemon's leader looks for new events at once instead of at its next poll.
/// </summary>
public sealed class AppendNotice : DocumentSessionListenerBase
{
    public const string Channel = "tracker_events_appended";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Streams().Count > 0) session.QueueSqlCommand($"NOTIFY {Channel}");
        return Task.CompletedTask;
    }
}

/// <summary>
/// Wakes Marten's high-water agent when events are appended (<see cref="AppendNotice"/>), and under load not
/// twice within <see cref="MinInterval"/>. A write is seen at once when the agent was idle; under load (appends
/// came while it worked), each pass of the notification subscription takes the events of the last 25 ms
/// together rather than the one or two of a single commit,
/// and each pass costs the same whatever its size (finding the high-water mark, loading the events, storing
/// progress, waking the SSE feeds). Marten's own LISTEN wakeup took one pass per commit: sustained writes
/// went from about 720/s to 995–1,286/s with this (docs/performance.md), and a notification waits at most 25 ms
/// more.
///
/// Used by <see cref="DaemonLeader"/> only while this node runs the daemon: it listens on a connection of
/// its own, and falls back to the agent's polling if that connection is lost.
/// </summary>
public sealed class DaemonWakeup(string connectionString, ILogger logger) : IDaemonWakeup
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(25);

    private readonly SemaphoreSlim _appended = new(0, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private Task? _listening;
    private long _lastWake;

    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        _listening ??= Task.Run(() => PostgresChannel.ListenAsync(connectionString, AppendNotice.Channel, Signal, logger, _lifetime.Token));
        // Appends noticed while the agent was busy with the last ones mean load: let the next few commits join
        // them. Otherwise the next append is read the moment it is noticed.
        var busy = _appended.CurrentCount > 0;
        await _appended.WaitAsync(timeout, token);
        var since = Stopwatch.GetElapsedTime(_lastWake);
        if (busy && since < MinInterval) await Task.Delay(MinInterval - since, token);
        _lastWake = Stopwatch.GetTimestamp();
    }

    private void Signal()
    {
        try
        {
            _appended.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up reads every append since.
        }
    }

    public void Dispose() => _lifetime.Cancel();
}
