using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

public class WebhookTests(TrackerApp app) : TrackerTest(app)
{
    private const string Secret = "a shared secret known to the receiver";

    private static bool SignatureIsValid(ReceivedDelivery d) =>
        d.Signature == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), d.Body));

    private async Task<string> SubscribeAsync(HttpClient client, string callbackUrl, string? relation = null, string[]? kinds = null)
    {
        var body = new Dictionary<string, object?> { ["callbackUrl"] = callbackUrl, ["secret"] = Secret };
        if (relation is not null) body["relations"] = new[] { relation };
        if (kinds is not null) body["kinds"] = kinds;
        var response = await client.PostAsJsonAsync("/api/subscriptions", body);
        await ExpectStatusAsync(response, HttpStatusCode.Created);
        return (await ReadJsonAsync(response))["id"]!.GetValue<string>();
    }

    /// <summary>The delivery log, once its only delivery is no longer pending (the receiver may see a POST before it is logged).</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> SettledLogAsync(HttpClient client, string subscription)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var log = await client.GetFromJsonAsync<JsonObject>($"/api/subscriptions/{subscription}");
            var deliveries = log!["deliveries"]!.AsArray();
            if ((deliveries.Count > 0 && deliveries.All(d => d!["status"]!.GetValue<string>() != "pending")) || DateTime.UtcNow > deadline) return log;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_receiver_answering_an_endless_body_is_delivered_to_without_the_body_being_read()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.EndlessBody = true;
        var (a, b) = await CreateRelationAsync();
        var subscription = await SubscribeAsync(Client, receiver.Url, $"{a}~{b}", ["development-recorded"]);

        await RecordAsync(a, b, Development("Aid", "2025-05-05", a));

        var log = await SettledLogAsync(Client, subscription);
        var entries = log["deliveries"]!.AsArray();
        Assert.True(entries.Count >= 1 && entries.All(e => e!["status"]!.GetValue<string>() == "delivered"), log.ToJsonString());
        // The tracker stops at the headers: each attempt took far less than the 10 s it would wait for a body that never ends.
        Assert.All(entries.SelectMany(e => e!["attempts"]!.AsArray()), a => Assert.True(a!["milliseconds"]!.GetValue<double>() < 5000, a.ToJsonString()));
    }

    [Fact]
    public async Task Each_notification_is_POSTed_signed_with_the_subscription_secret_and_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (a, b) = await CreateRelationAsync();
        var subscription = await SubscribeAsync(Client, receiver.Url, $"{b}~{a}", ["development-recorded"]);

        var created = await RecordAsync(a, b, Development("Aid", "2025-05-05", a, summary: "مساعدات إنسانية"));

        var delivery = await receiver.WaitForAsync(d => d.AnsweredWith == 200, TimeSpan.FromSeconds(20));
        Assert.True(SignatureIsValid(delivery), delivery.Signature);
        Assert.Equal("development-recorded", delivery.Event);
        var body = JsonNode.Parse(delivery.Body)!;
        Assert.Equal(created["id"]!.GetValue<string>(), body["developmentId"]!.GetValue<string>());
        Assert.Equal($"{a}~{b}", body["relation"]!.GetValue<string>());

        var log = await SettledLogAsync(Client, subscription);
        var entry = Assert.Single(log["deliveries"]!.AsArray())!;
        Assert.Equal(delivery.DeliveryId, entry["id"]!.GetValue<string>());
        Assert.Equal("delivered", entry["status"]!.GetValue<string>());
        Assert.Null(log["secret"]);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_the_same_delivery_id_until_it_answers_200()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = 500;
        var (a, b) = await CreateRelationAsync();
        // The recording only: an aid of a past day also revises that day's phase (phase-revised), a delivery of its own.
        var subscription = await SubscribeAsync(Client, receiver.Url, $"{a}~{b}", ["development-recorded"]);

        await RecordAsync(a, b, Development("Aid", "2025-05-05", a));
        await receiver.WaitForAsync(d => d.AnsweredWith == 500, TimeSpan.FromSeconds(20));
        await Task.Delay(1500);
        receiver.Answer = 200;
        var delivered = await receiver.WaitForAsync(d => d.AnsweredWith == 200, TimeSpan.FromSeconds(30));

        Assert.All(receiver.Received, d => Assert.Equal(delivered.DeliveryId, d.DeliveryId));
        Assert.All(receiver.Received, d => Assert.True(SignatureIsValid(d)));
        Assert.True(receiver.Received.Count >= 2);
        var log = await SettledLogAsync(Client, subscription);
        var entry = Assert.Single(log["deliveries"]!.AsArray())!;
        Assert.Equal("delivered", entry["status"]!.GetValue<string>());
        Assert.Equal(receiver.Received.Count, entry["attemptCount"]!.GetValue<int>());
        Assert.Equal(500, entry["attempts"]![0]!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_delivery_pending_when_the_service_stops_is_made_after_it_starts_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = 500;
        var database = await App.CreateDatabaseAsync();

        string subscription;
        var first = TrackerApp.HostOn(database);
        try
        {
            var client = TrackerApp.ClientFor(first);
            foreach (var actor in new[] { "AAA", "BBB" })
                (await client.PutAsJsonAsync($"/api/actors/{actor}", new { name = actor })).EnsureSuccessStatusCode();
            subscription = await SubscribeAsync(client, receiver.Url);
            (await client.PostAsJsonAsync("/api/relations/AAA/BBB/developments", Development("Aid", "2025-05-05", "AAA"))).EnsureSuccessStatusCode();
            await receiver.WaitForAsync(d => d.AnsweredWith == 500, TimeSpan.FromSeconds(20));
        }
        finally
        {
            await first.DisposeAsync();
        }

        receiver.Answer = 200;
        var countBeforeRestart = receiver.Received.Count;
        await using var second = TrackerApp.HostOn(database);
        var again = TrackerApp.ClientFor(second);
        var delivered = await receiver.WaitForAsync(d => d.AnsweredWith == 200, TimeSpan.FromSeconds(60));

        Assert.True(SignatureIsValid(delivered));
        Assert.True(receiver.Received.Count > countBeforeRestart);
        var log = await SettledLogAsync(again, subscription);
        Assert.Equal("delivered", log["deliveries"]![0]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"secret":"s"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"ftp://example.org/x","secret":"s"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"javascript:alert(1)","secret":"s"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"/relative","secret":"s"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"https://example.org/x"}""", "secret")]
    [InlineData("""{"callbackUrl":"https://example.org/x","secret":"s","relations":["TUR"]}""", "relations[0]")]
    [InlineData("""{"callbackUrl":"https://example.org/x","secret":"s","kinds":["everything"]}""", "kinds[0]")]
    [InlineData("""{"callbackUrl":"https://example.org/x","secret":"s","extra":1}""", "extra")]
    public async Task A_bad_subscription_is_a_400(string body, string field)
    {
        await ExpectProblemAsync(await PostRawAsync("/api/subscriptions", body), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_deleted_subscription_is_gone_and_unknown_ones_are_404()
    {
        var id = await SubscribeAsync(Client, "https://example.org/hook");
        await ExpectStatusAsync(await Client.DeleteAsync($"/api/subscriptions/{id}"), HttpStatusCode.NoContent);
        await ExpectProblemAsync(await Client.GetAsync($"/api/subscriptions/{id}"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.DeleteAsync($"/api/subscriptions/{id}"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync("/api/subscriptions/nope"), HttpStatusCode.BadRequest, "id");
    }
}
