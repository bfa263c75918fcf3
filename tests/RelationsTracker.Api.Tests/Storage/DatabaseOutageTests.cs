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
        var target = new NpgsqlConnectionStringBuilder(App.ConnectionString);
        await using var proxy = TcpProxy.Start(target.Host!, target.Port);
        target.Host = "127.0.0.1";
        target.Port = proxy.Port;
        target.Timeout = 3;
        await using var host = TrackerApp.HostOn(target.ConnectionString);
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

    private static async Task<bool> Delay()
    {
        await Task.Delay(250);
        return true;
    }
}
