using System.Net;
using System.Net.Http.Json;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>Writes need a configured key; reads are open unless configured otherwise; oversized bodies are refused.</summary>
public class SecurityTests(TrackerApp app) : TrackerTest(app)
{
    public static TheoryData<string?> BadKeys() => new() { null, "", "wrong-key", TrackerApp.ApiKey + "x", TrackerApp.ApiKey.ToUpperInvariant() };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_write_without_a_valid_key_is_a_401_and_changes_nothing(string? key)
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        using var anonymous = new HttpClient(App.Server.CreateHandler()) { BaseAddress = App.Client.BaseAddress };
        if (key is not null) anonymous.DefaultRequestHeaders.Add("X-Api-Key", key);

        await ExpectProblemAsync(await anonymous.PostAsJsonAsync($"/api/relations/{a}/{b}/developments", Development("Aid", "2025-01-01", a)), HttpStatusCode.Unauthorized);
        var newActor = NewActorId();
        await ExpectProblemAsync(await anonymous.PutAsJsonAsync($"/api/actors/{newActor}", new { name = "X" }), HttpStatusCode.Unauthorized);
        await ExpectProblemAsync(await anonymous.PostAsJsonAsync("/api/subscriptions", new { callbackUrl = "https://example.org/x", secret = "s" }), HttpStatusCode.Unauthorized);

        Assert.Equal(before, await App.EventCountAsync());
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{newActor}/{a}"), HttpStatusCode.NotFound);
        // Reads stay open by default without a key; a key that is given must be valid, on every route.
        if (string.IsNullOrEmpty(key)) await ExpectStatusAsync(await anonymous.GetAsync($"/api/relations/{a}/{b}"), HttpStatusCode.OK);
        else await ExpectProblemAsync(await anonymous.GetAsync($"/api/relations/{a}/{b}"), HttpStatusCode.Unauthorized);
        // A subscription's callback and delivery log are its subscriber's: reading one needs a key.
        await ExpectProblemAsync(await anonymous.GetAsync($"/api/subscriptions/{Guid.Empty}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task With_RequireKeyForReads_reads_need_the_key_too_and_health_stays_open()
    {
        await using var closed = TrackerApp.HostOn(App.ConnectionString, requireKeyForReads: true);
        var anonymous = closed.CreateClient();
        await ExpectProblemAsync(await anonymous.GetAsync("/api/relations"), HttpStatusCode.Unauthorized);
        await ExpectProblemAsync(await anonymous.GetAsync("/api/actors"), HttpStatusCode.Unauthorized);
        await ExpectStatusAsync(await anonymous.GetAsync("/health/live"), HttpStatusCode.OK);
        await ExpectStatusAsync(await TrackerApp.ClientFor(closed).GetAsync("/api/relations"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_over_a_mebibyte_is_a_413_and_records_nothing()
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        var huge = "{\"type\":\"Aid\",\"summary\":\"" + new string('x', 1024 * 1024) + "\"}";
        await ExpectProblemAsync(await PostRawAsync($"/api/relations/{a}/{b}/developments", huge), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await App.EventCountAsync());
    }
}
