using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Marten;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// Once the service listens, it reads through its own HTTP endpoints (the list's first page, a relation as of today,
/// its series, its timeline, the catalogue) so the code of the read paths is compiled, loads as many relations as the
/// node may hold, the largest first (<see cref="RelationTimelines.PreloadAsync"/>), and writes the snapshots those reads
/// made due, before /health/ready says so; a write without a key goes as far as the key check. A
/// load balancer that waits for ready sends users no first request (docs/operations.md, "Health").
/// </summary>
public sealed class WarmUp(IServer server, IHostApplicationLifetime lifetime, IDocumentStore store, RelationTimelines timelines, ILogger<WarmUp> logger)
    : BackgroundService, IHealthCheck
{
    private volatile bool _done;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Warming up: the read paths are making their first requests."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; }
            catch (OperationCanceledException) { return; }
        }
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // A host with no address (a test server) has nobody to answer the requests: nothing to warm.
            if (Loopback() is { } address)
            {
                // Long enough for a first page of relations that have no snapshot yet, read from their documents.
                using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
                var first = await ReadListAsync(http, stoppingToken);
                if (first is not null)
                {
                    await ReadAsync(http, first.Value, stoppingToken);
                    // A write without a key: as far as the key check, nothing recorded.
                    await http.PostAsync($"{PathOf(first.Value)}/developments", JsonContent.Create(new { }), stoppingToken);
                }
                await using var session = store.QuerySession();
                var loaded = await timelines.PreloadAsync(session, stoppingToken);
                // The largest relation held takes paths a small one may not (the exact sums), which are compiled now.
                if (timelines.Largest() is { } largest && largest != first) await ReadAsync(http, largest, stoppingToken);
                await timelines.SaveDueSnapshotsAsync(store, stoppingToken);
                logger.LogInformation("Warmed up in {Milliseconds} ms, {Relations} relations loaded", (long)stopwatch.Elapsed.TotalMilliseconds, loaded);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Readiness is not withheld for ever: a slow first request is better than a node that never serves.
            logger.LogWarning(e, "The warm-up did not finish; ready without it");
        }
        finally
        {
            _done = true;
        }
    }

    /// <returns>The first relation of the list, if there is one.</returns>
    private static async Task<RelationId?> ReadListAsync(HttpClient http, CancellationToken ct)
    {
        var list = await http.GetFromJsonAsync<JsonObject>("/api/relations", ct);
        await http.GetAsync("/api/catalogue", ct);
        return list?["relations"]?.AsArray().FirstOrDefault()?["relation"]?.GetValue<string>() is { } id && RelationId.TryParse(id, out var relation)
            ? relation
            : null;
    }

    private static async Task ReadAsync(HttpClient http, RelationId relation, CancellationToken ct)
    {
        var path = PathOf(relation);
        foreach (var url in new[] { path, $"{path}?weighting=corroborated", $"{path}/score?step=month", $"{path}/score?step=day", $"{path}/developments?limit=1" })
            await http.GetAsync(url, ct);
        // Reads at 40 other dates: without them a new node's first reads were measured 2-3x slower (docs/performance.md).
        // What warms with use includes Npgsql preparing a statement after its fifth run on a connection and, under
        // tiered compilation, the runtime recompiling a method after about 30 calls.
        for (var day = 0; day < 40; day++)
        {
            var asOf = new DateOnly(2020, 1, 1).AddDays(day * 37).ToString("yyyy-MM-dd");
            foreach (var url in new[] { $"{path}?asOf={asOf}", $"{path}?asOf={asOf}&weighting=corroborated", $"{path}/score?step=month&to={asOf}" })
                await http.GetAsync(url, ct);
        }
    }

    private static string PathOf(RelationId relation) => $"/api/relations/{relation.First}/{relation.Second}";

    private Uri? Loopback()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                      ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return null;
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0") uri.Host = "127.0.0.1";
        if (uri.Host is "[::]" or "::") uri.Host = "[::1]";
        return uri.Uri;
    }
}
