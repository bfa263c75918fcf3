using System.Net;
using System.Net.Http.Json;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>Webhook hosts, the per-key write rate and the per-key bound on notification streams.</summary>
public class LimitTests(TrackerApp app) : TrackerTest(app)
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.1.1/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[fd00:ec2::254]/hook")]
    [InlineData("http://[::ffff:169.254.169.254]/hook")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("http://metadata.google.internal./computeMetadata/v1/")]
    [InlineData("http://169.254.169.254./latest/meta-data/")]
    [InlineData("http://100.100.100.200/latest/meta-data/")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://192.0.0.192/opc/v2/")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://198.18.0.1/hook")]
    [InlineData("http://203.0.113.7/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://255.255.255.255/hook")]
    [InlineData("http://[::169.254.169.254]/hook")]
    [InlineData("http://[64:ff9b::169.254.169.254]/hook")]
    [InlineData("http://[64:ff9b:1::a9fe:a9fe]/hook")]
    [InlineData("http://[2002:a9fe:a9fe::]/hook")]
    [InlineData("http://[2001:db8::1]/hook")]
    [InlineData("http://[ff02::1]/hook")]
    [InlineData("http://[::]/hook")]
    public async Task A_callback_to_a_link_local_or_metadata_address_is_a_400(string callbackUrl)
    {
        var response = await Client.PostAsJsonAsync("/api/subscriptions", new { callbackUrl, secret = "s" });
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, "callbackUrl");
    }

    [Fact]
    public async Task With_an_allowlist_only_its_hosts_take_webhooks()
    {
        await using var host = TrackerApp.HostOn(App.ConnectionString, settings: new Dictionary<string, string> { ["Tracker:Webhooks:AllowedHosts:0"] = "hooks.example.org" });
        var client = TrackerApp.ClientFor(host);
        var created = await client.PostAsJsonAsync("/api/subscriptions", new { callbackUrl = "https://hooks.example.org/tracker", secret = "s" });
        await ExpectStatusAsync(created, HttpStatusCode.Created);
        // It would take every notification of the shared test database: remove it.
        await ExpectStatusAsync(await client.DeleteAsync(created.Headers.Location), HttpStatusCode.NoContent);
        await ExpectProblemAsync(await client.PostAsJsonAsync("/api/subscriptions", new { callbackUrl = "https://elsewhere.example.org/tracker", secret = "s" }), HttpStatusCode.BadRequest, "callbackUrl");
    }

    [Fact]
    public async Task Writing_faster_than_the_key_may_is_a_429_with_Retry_After_and_records_nothing()
    {
        await using var host = TrackerApp.HostOn(App.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Tracker:RateLimit:WritesPerSecond"] = "1",
            ["Tracker:RateLimit:Burst"] = "3",
        });
        var client = TrackerApp.ClientFor(host);
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
            responses.Add(await client.PostAsJsonAsync($"/api/relations/{a}/{b}/developments", Development("Aid", $"2025-01-0{i + 1}", a)));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        await ExpectProblemAsync(refused[0], HttpStatusCode.TooManyRequests);
        var recorded = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(before + recorded, await App.EventCountAsync());
        // Reads are not limited.
        for (var i = 0; i < 5; i++) await ExpectStatusAsync(await client.GetAsync($"/api/relations/{a}/{b}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_may_hold_only_so_many_notification_streams()
    {
        await using var host = TrackerApp.HostOn(App.ConnectionString, settings: new Dictionary<string, string> { ["Tracker:Notifications:MaxClientsPerKey"] = "2" });
        var client = TrackerApp.ClientFor(host);
        await using var first = await SseClient.ConnectAsync(client, "/api/notifications");
        await using var second = await SseClient.ConnectAsync(client, "/api/notifications");
        Assert.Equal(200, first.Status);
        Assert.Equal(200, second.Status);
        await ExpectProblemAsync(await client.GetAsync("/api/notifications"), HttpStatusCode.TooManyRequests);
    }
}
