using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;
using static RelationsTracker.Api.Tests.ImportFromUrlTests;

namespace RelationsTracker.Api.Tests.Feeds;

/// <summary>/api/feeds: following a GDELT index on a schedule, each new export imported once, from a server on loopback.</summary>
public class FeedTests(TrackerApp app) : TrackerTest(app)
{
    // A second is the least interval here, so a test sees a schedule go round; the service's default least is a minute.
    private static readonly Dictionary<string, string> Settings = new(TurkeyAndGreece) { ["Tracker:Imports:MinimumFeedIntervalSeconds"] = "1" };

    [Fact]
    public async Task A_feed_imports_the_latest_export_at_once_then_each_new_one_once_as_its_index_moves_on()
    {
        await using var files = await FileServer.StartAsync();
        var first = Export("20250404150000.export.CSV.zip", 2);
        var second = Export("20250404151500.export.CSV.zip", 3, sqlDate: "20250405");
        var firstUrl = files.Put("/gdeltv2/20250404150000.export.CSV.zip", first);
        var secondUrl = files.Put("/gdeltv2/20250404151500.export.CSV.zip", second);
        var index = files.Put("/gdeltv2/lastupdate.txt", Encoding.UTF8.GetBytes(IndexLine(first, firstUrl) + "\n"));
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: Settings);
        var client = TrackerApp.ClientFor(host);

        var created = await client.PostAsJsonAsync("/api/feeds", new { url = index, intervalSeconds = 1 });
        await ExpectStatusAsync(created, HttpStatusCode.Created);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal(index, (await ReadJsonAsync(created))["url"]!.GetValue<string>());

        // Its first check runs at once and imports what the index lists.
        var feed = await WaitForFeedAsync(client, location, f => f["imports"]!.AsArray().Count == 1);
        var imported = await WaitAsync(client, feed["imports"]![0]!["import"]!.GetValue<string>());
        Assert.Equal("completed", imported["status"]!.GetValue<string>());
        Assert.Equal(2, imported["recorded"]!.GetValue<long>());
        Assert.Equal(firstUrl, imported["url"]!.GetValue<string>());
        Assert.Equal(feed["id"]!.GetValue<string>(), imported["feedId"]!.GetValue<string>());

        // The checks go on every second and find nothing new while the index stays as it is.
        var checks = files.RequestsFor("/gdeltv2/lastupdate.txt");
        await WaitForFeedAsync(client, location, f => f["lastOutcome"]!.GetValue<string>() == "nothing new");
        await WaitUntilAsync(() => files.RequestsFor("/gdeltv2/lastupdate.txt") >= checks + 2);
        Assert.Equal(1, files.RequestsFor("/gdeltv2/20250404150000.export.CSV.zip"));

        // Fifteen minutes later GDELT's lastupdate.txt names the next export: the feed imports it, once.
        files.Put("/gdeltv2/lastupdate.txt", Encoding.UTF8.GetBytes(IndexLine(second, secondUrl) + "\n"));
        feed = await WaitForFeedAsync(client, location, f => f["imports"]!.AsArray().Count == 2);
        var next = await WaitAsync(client, feed["imports"]![1]!["import"]!.GetValue<string>());
        Assert.Equal(3, next["recorded"]!.GetValue<long>());
        Assert.Equal(secondUrl, feed["lastExport"]!.GetValue<string>());
        checks = files.RequestsFor("/gdeltv2/lastupdate.txt");
        await WaitUntilAsync(() => files.RequestsFor("/gdeltv2/lastupdate.txt") >= checks + 2);
        Assert.Equal(2, (await GetJsonOnAsync(client, location))["imports"]!.AsArray().Count);
        Assert.Equal(1, files.RequestsFor("/gdeltv2/20250404151500.export.CSV.zip"));
        Assert.Equal(5, (await GetJsonOnAsync(client, "/api/relations/GRC/TUR?asOf=2025-12-31"))["developmentCount"]!.GetValue<int>());

        // A check asked for by hand finds nothing new either; a deleted feed is checked no more.
        await ExpectStatusAsync(await client.PostAsync($"{location}/check", null), HttpStatusCode.Accepted);
        await ExpectStatusAsync(await client.DeleteAsync(location), HttpStatusCode.NoContent);
        await Task.Delay(1500); // a check already under way when the feed went
        checks = files.RequestsFor("/gdeltv2/lastupdate.txt");
        await Task.Delay(3000);
        Assert.Equal(checks, files.RequestsFor("/gdeltv2/lastupdate.txt"));
        await ExpectStatusAsync(await client.GetAsync(location), HttpStatusCode.NotFound);
        Assert.Equal(2, (await GetJsonArrayOnAsync(client, "/api/imports")).Count);
    }

    [Fact]
    public async Task A_feed_whose_index_cannot_be_read_says_why_and_keeps_checking()
    {
        await using var files = await FileServer.StartAsync();
        var index = files.Url("/gdeltv2/lastupdate.txt");
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: Settings);
        var client = TrackerApp.ClientFor(host);

        var created = await client.PostAsJsonAsync("/api/feeds", new { url = index, intervalSeconds = 1 });
        await ExpectStatusAsync(created, HttpStatusCode.Created);
        var location = created.Headers.Location!.OriginalString;
        var feed = await WaitForFeedAsync(client, location, f => f["lastOutcome"] is not null);
        Assert.Equal($"could not read the index: GET {index} answered 404 Not Found", feed["lastOutcome"]!.GetValue<string>());

        // Not an index: a file of another kind at its URL.
        files.Put("/gdeltv2/lastupdate.txt", Encoding.UTF8.GetBytes("<html>moved</html>"));
        feed = await WaitForFeedAsync(client, location, f => f["lastOutcome"]!.GetValue<string>().Contains("is not a GDELT index"));
        Assert.Equal($"could not read the index: {index} is not a GDELT index: each line must be 'size md5 url', as in GDELT's lastupdate.txt",
            feed["lastOutcome"]!.GetValue<string>());
        Assert.Empty(feed["imports"]!.AsArray());
    }

    [Theory]
    [InlineData("""{ "url": "ftp://example.org/lastupdate.txt" }""", "url", "must be an absolute http or https URL")]
    [InlineData("""{ "url": "http://169.254.169.254/lastupdate.txt" }""", "url", "169.254.169.254 is a special-purpose address (link-local, metadata, carrier-grade NAT, reserved, ...), not a download host")]
    [InlineData("""{ "url": "http://127.0.0.1:9/lastupdate.txt", "intervalSeconds": 30 }""", "intervalSeconds", "must be 60 to 86,400 seconds (Tracker:Imports:MinimumFeedIntervalSeconds is the least)")]
    [InlineData("""{ "url": "http://127.0.0.1:9/lastupdate.txt", "intervalSeconds": 86401 }""", "intervalSeconds", "must be 60 to 86,400 seconds (Tracker:Imports:MinimumFeedIntervalSeconds is the least)")]
    [InlineData("""{ "intervalSeconds": 900 }""", "url", "is required")]
    [InlineData("""{ "url": "http://127.0.0.1:9/lastupdate.txt", "every": 900 }""", "every", "is not a known field")]
    public async Task A_feed_that_cannot_be_followed_is_a_400_naming_the_field_and_nothing_is_made(string body, string field, string message)
    {
        var before = (await GetJsonArrayAsync("/api/feeds")).Count;

        var response = await PostRawAsync("/api/feeds", body);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(message, problem["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal(before, (await GetJsonArrayAsync("/api/feeds")).Count);
    }

    [Fact]
    public async Task Feeds_answer_404_for_an_unknown_id_and_400_for_what_is_not_one()
    {
        await ExpectProblemAsync(await Client.GetAsync($"/api/feeds/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.PostAsync($"/api/feeds/{Guid.NewGuid()}/check", null), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.DeleteAsync($"/api/feeds/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync("/api/feeds/not-an-id"), HttpStatusCode.BadRequest);
    }

    private static async Task<JsonObject> WaitForFeedAsync(HttpClient client, string location, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var feed = await GetJsonOnAsync(client, location);
            if (condition(feed)) return feed;
            if (DateTime.UtcNow > deadline) Assert.Fail($"The feed did not get there: {feed.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The condition was not met within 60 s");
            await Task.Delay(100);
        }
    }
}
