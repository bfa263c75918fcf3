using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace RelationsTracker.Api.Infrastructure;

/// <summary>
/// Runs Marten's async daemon (the notification subscription) on one node at a time: the node holding a
/// session-level PostgreSQL advisory lock on a connection of its own. The others try again every few seconds,
/// so when the leader goes away (its process ends, its connection breaks) another takes over where the
/// subscription's stored progress says it stopped.
///
/// Why not Marten's HotCold mode, which does the same: on this stack its lock works only transaction-scoped
/// (docs/operations.md), and that transaction stays open, holding a snapshot, for as long as the leader lives.
/// PostgreSQL then can remove no dead row version anywhere in the database (VACUUM and HOT pruning both
/// wait for the oldest snapshot), and every row updated on each write (a relation's document, its stream's
/// version, the daemon's progress) drags a longer chain of dead versions: sustained writes fell by half
/// within 30 seconds, and would have kept falling (docs/performance.md). The lock here is taken by one
/// statement and then held by an idle session, which pins nothing.
/// </summary>
public sealed class DaemonLeader(IDocumentStore store, IConfiguration configuration, ILogger<DaemonLeader> logger) : BackgroundService
{
    /// <summary>The advisory lock every node of one database contends for (a fixed, arbitrary number).</summary>
    public const long LockKey = 0x5472_6163_6B65_72; // "Tracker"

    private static readonly TimeSpan TryEvery = TimeSpan.FromSeconds(2);

    private readonly string _connectionString = configuration.GetConnectionString("Marten")!;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var connectionString = LockConnectionString(_connectionString);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                if (await TryLockAsync(connection, ct)) await LeadAsync(connection, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The daemon's lock connection failed; trying again");
            }

            try
            {
                await Task.Delay(TryEvery, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task LeadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        // Marten reads the wakeup when it builds the daemon's high-water agent.
        using var wakeup = new DaemonWakeup(_connectionString, logger);
        ((DocumentStore)store).Options.Projections.Wakeup = wakeup;
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        logger.LogInformation("This node runs the async daemon (the notification subscription)");
        try
        {
            // Nothing is sent while the lock is held but keepalives: WaitAsync returns on a server notice and
            // throws once the connection is gone, and with it the lock.
            while (true) await connection.WaitAsync(ct);
        }
        finally
        {
            await daemon.StopAllAsync();
            logger.LogInformation("This node stopped running the async daemon");
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Not pooled, so closing the connection ends the session and releases the lock. Keepalives both ways: the
    /// node notices a dead server within seconds, and the server notices a vanished node (a killed process
    /// closes its socket, which the server sees at once; a lost machine does not).
    /// </summary>
    public static string LockConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 5,
            ApplicationName = "RelationsTracker daemon lock",
        };
        builder.Options = $"{builder.Options} -c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3".Trim();
        return builder.ConnectionString;
    }
}
