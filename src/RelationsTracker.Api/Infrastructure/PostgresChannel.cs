using Npgsql;

namespace RelationsTracker.Api.Infrastructure;

/// <summary>LISTENs on a PostgreSQL channel on a connection of its own, reconnecting after any failure.</summary>
public static class PostgresChannel
{
    /// <summary>
    /// Calls <paramref name="heard"/> on every notification until <paramref name="ct"/> ends, and once each time
    /// listening (re)starts, since anything sent while not listening was missed. Callers poll as well, so a
    /// lost connection costs latency, never a change.
    /// </summary>
    public static async Task ListenAsync(string connectionString, string channel, Action heard, ILogger logger, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, _) => heard();
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                heard();
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "LISTEN {Channel} failed; polling until it reconnects", channel);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
