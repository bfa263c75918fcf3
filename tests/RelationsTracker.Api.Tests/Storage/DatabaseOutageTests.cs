using System.Net;
using System.Net.Http.Json;
using Npgsql;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>PostgreSQL out of reach: the API says so (503 with Retry-After, never 500), loses nothing, and recovers by itself.</summary>
public class DatabaseOutageTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task With_the_database_out_of_reach_writes_and_reads_are_503_with_Retry_After_and_it_recovers_without_a_restart()
    {
        await using var proxy = ProxyToDatabase(out var proxied, connectTimeoutSeconds: 3);
        await using var host = TrackerApp.HostOn(proxied);
        var client = TrackerApp.ClientFor(host);
        var (a, b) = await CreateRelationAsync();
        await ExpectStatusAsync(await client.PostAsJsonAsync($"/api/relations/{a}/{b}/developments", Development("Aid", "2025-01-01", a)), HttpStatusCode.Created);
        var before = await App.EventCountAsync();

        proxy.Cut();
        var write = await client.PostAsJsonAsync($"/api/relations/{a}/{b}/developments", Development("Aid", "2025-01-02", a));
        await ExpectProblemAsync(write, HttpStatusCode.ServiceUnavailable);
        Assert.True(write.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var read = await client.GetAsync($"/api/relations/{a}/{b}/developments/{Guid.Empty}");
        await ExpectProblemAsync(read, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(before, await App.EventCountAsync());

        proxy.Restore();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage again;
        do again = await client.PostAsJsonAsync($"/api/relations/{a}/{b}/developments", Development("Aid", "2025-01-03", a));
        while (again.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline && await Delay());
        await ExpectStatusAsync(again, HttpStatusCode.Created);
        Assert.Equal(before + 1, await App.EventCountAsync());
    }

    [Fact]
    public async Task Eight_writers_through_a_20_second_outage_get_201s_and_503s_never_500_and_lose_nothing_acknowledged()
    {
        await using var proxy = ProxyToDatabase(out var proxied, connectTimeoutSeconds: 2);
        await using var host = TrackerApp.HostOn(proxied);
        var client = TrackerApp.ClientFor(host);
        var (a, b) = await CreateRelationAsync();

        var answers = new System.Collections.Concurrent.ConcurrentBag<(string Key, HttpStatusCode Status)>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = $"outage-{a}-{w}-{i}";
                answers.Add((key, (await PostAsync(client, a, b, key)).StatusCode));
            }
        })).ToList();
        await Task.Delay(500);
        proxy.Cut();
        await Task.Delay(20_000);
        proxy.Restore();
        await Task.Delay(3000);
        stop.Cancel();
        await Task.WhenAll(writers);

        Assert.DoesNotContain(answers, x => (int)x.Status >= 500 && x.Status != HttpStatusCode.ServiceUnavailable);
        Assert.Contains(answers, x => x.Status == HttpStatusCode.ServiceUnavailable);
        // Every key sent again after the outage: what was acknowledged is there once, what was not is recorded now.
        foreach (var (key, _) in answers) await ExpectStatusAsync(await PostAsync(client, a, b, key), HttpStatusCode.Created);
        Assert.Equal(answers.Count, (await AllDevelopmentsAsync(client, $"{a}/{b}")).Count);
    }

    [Fact]
    public async Task A_commit_stalled_past_the_command_timeout_is_a_503_and_records_nothing()
    {
        var target = new NpgsqlConnectionStringBuilder(App.ConnectionString) { CommandTimeout = 2 };
        await using var host = TrackerApp.HostOn(target.ConnectionString);
        var client = TrackerApp.ClientFor(host);
        var (a, b) = await CreateRelationAsync();
        await ExpectStatusAsync(await PostAsync(client, a, b, null), HttpStatusCode.Created);
        var before = await App.EventCountAsync();

        await using (var blocker = new NpgsqlConnection(App.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            // Writes wait; reads (the daemon's) go on, so only the write's commit stalls.
            await using (var lockEvents = new NpgsqlCommand("lock table tracker.mt_events in exclusive mode", blocker, transaction))
                await lockEvents.ExecuteNonQueryAsync();
            var stalled = await PostAsync(client, a, b, null);
            await ExpectProblemAsync(stalled, HttpStatusCode.ServiceUnavailable);
            await transaction.RollbackAsync();
        }
        Assert.Equal(before, await App.EventCountAsync());
        await ExpectStatusAsync(await PostAsync(client, a, b, null), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Terminated_backends_cost_no_500()
    {
        var target = new NpgsqlConnectionStringBuilder(App.ConnectionString) { ApplicationName = $"outage-{Guid.NewGuid():N}" };
        await using var host = TrackerApp.HostOn(target.ConnectionString);
        var client = TrackerApp.ClientFor(host);
        var (a, b) = await CreateRelationAsync();
        await ExpectStatusAsync(await PostAsync(client, a, b, null), HttpStatusCode.Created);

        await using (var admin = new NpgsqlConnection(App.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = $1", admin)
            {
                Parameters = { new() { Value = target.ApplicationName } },
            };
            Assert.True((long)(await terminate.ExecuteScalarAsync())! > 0);
        }
        for (var i = 0; i < 5; i++)
        {
            var response = await PostAsync(client, a, b, null);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}");
        }
        await ExpectStatusAsync(await PostAsync(client, a, b, null), HttpStatusCode.Created);
    }

    /// <summary>A proxy in front of the test database, and the connection string that goes through it.</summary>
    private TcpProxy ProxyToDatabase(out string connectionString, int connectTimeoutSeconds)
    {
        var target = new NpgsqlConnectionStringBuilder(App.ConnectionString);
        var proxy = TcpProxy.Start(target.Host!, target.Port);
        target.Host = "127.0.0.1";
        target.Port = proxy.Port;
        target.Timeout = connectTimeoutSeconds;
        connectionString = target.ConnectionString;
        return proxy;
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string a, string b, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/relations/{a}/{b}/developments") { Content = JsonContent.Create(Development("Aid", "2025-02-01", a)) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(250);
        return true;
    }
}
