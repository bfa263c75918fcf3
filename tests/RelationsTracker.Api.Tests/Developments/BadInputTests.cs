using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>
/// Each bad request gets its documented 4xx as problem details naming the bad field, and the event store
/// holds exactly what it held before. "A" and "B" in the bodies stand for the relation's two actors.
/// </summary>
public class BadInputTests(TrackerApp app) : TrackerTest(app)
{
    private const string Valid = """{"type":"OfficialVisit","occurredOn":"2025-04-04","actor":"A","summary":"A visit","significance":"high","sources":[{"url":"https://example.org/x"}]}""";

    public static TheoryData<string, string, int, string> Bodies() => new()
    {
        // name, body, status, field
        { "broken JSON", """{"type":"OfficialVisit",""", 400, "body" },
        { "truncated JSON", Valid[..40], 400, "body" },
        { "empty body", "", 400, "body" },
        { "an array, not an object", "[1,2]", 400, "body" },
        { "a string, not an object", "\"OfficialVisit\"", 400, "body" },
        { "trailing comma", Valid[..^1] + ",}", 400, "body" },
        { "duplicate field", Valid[..^1] + ""","type":"Statement"}""", 400, "body" },
        { "type missing", Valid.Replace("\"type\":\"OfficialVisit\",", ""), 400, "type" },
        { "type null", Valid.Replace("\"OfficialVisit\"", "null"), 400, "type" },
        { "type unknown", Valid.Replace("OfficialVisit", "Visit"), 400, "type" },
        { "type in the wrong case", Valid.Replace("OfficialVisit", "officialVisit"), 400, "type" },
        { "type a number", Valid.Replace("\"OfficialVisit\"", "42"), 400, "type" },
        { "occurredOn missing", Valid.Replace("\"occurredOn\":\"2025-04-04\",", ""), 400, "occurredOn" },
        { "occurredOn impossible", Valid.Replace("2025-04-04", "2025-02-30"), 400, "occurredOn" },
        { "occurredOn month 13", Valid.Replace("2025-04-04", "2025-13"), 400, "occurredOn" },
        { "occurredOn not zero-padded", Valid.Replace("2025-04-04", "2025-4-4"), 400, "occurredOn" },
        { "occurredOn before year 1000", Valid.Replace("2025-04-04", "0999"), 400, "occurredOn" },
        { "occurredOn in the future", Valid.Replace("2025-04-04", "2999-01-01"), 400, "occurredOn" },
        { "occurredOn with a time", Valid.Replace("2025-04-04", "2025-04-04T10:00:00Z"), 400, "occurredOn" },
        { "occurredOn a number", Valid.Replace("\"2025-04-04\"", "2025"), 400, "occurredOn" },
        { "actor missing", Valid.Replace("\"actor\":\"A\",", ""), 400, "actor" },
        { "actor not in the relation", Valid.Replace("\"actor\":\"A\"", "\"actor\":\"GRC\""), 400, "actor" },
        { "actor lower case", Valid.Replace("\"actor\":\"A\"", "\"actor\":\"a\""), 400, "actor" },
        { "summary missing", Valid.Replace("\"summary\":\"A visit\",", ""), 400, "summary" },
        { "summary empty", Valid.Replace("A visit", ""), 400, "summary" },
        { "summary white space", Valid.Replace("A visit", "   "), 400, "summary" },
        { "summary too long", Valid.Replace("A visit", new string('x', 2001)), 400, "summary" },
        { "summary an object", Valid.Replace("\"A visit\"", "{\"text\":\"x\"}"), 400, "summary" },
        { "significance unknown", Valid.Replace("\"high\"", "\"HIGH\""), 400, "significance" },
        { "significance a number", Valid.Replace("\"high\"", "1.5"), 400, "significance" },
        { "sources missing", Valid.Replace(",\"sources\":[{\"url\":\"https://example.org/x\"}]", ""), 400, "sources" },
        { "sources empty", Valid.Replace("[{\"url\":\"https://example.org/x\"}]", "[]"), 400, "sources" },
        { "sources not an array", Valid.Replace("[{\"url\":\"https://example.org/x\"}]", "{\"url\":\"https://example.org/x\"}"), 400, "sources" },
        { "source without url or citation", Valid.Replace("{\"url\":\"https://example.org/x\"}", "{\"publisher\":\"X\"}"), 400, "sources[0]" },
        { "source url relative", Valid.Replace("https://example.org/x", "/x"), 400, "sources[0].url" },
        { "source url javascript", Valid.Replace("https://example.org/x", "javascript:alert(1)"), 400, "sources[0].url" },
        { "source url ftp", Valid.Replace("https://example.org/x", "ftp://example.org/x"), 400, "sources[0].url" },
        { "source unknown field", Valid.Replace("{\"url\":\"https://example.org/x\"}", "{\"url\":\"https://example.org/x\",\"rating\":5}"), 400, "sources[0].rating" },
        { "source a string", Valid.Replace("{\"url\":\"https://example.org/x\"}", "\"https://example.org/x\""), 400, "sources[0]" },
        { "source publishedOn impossible", Valid.Replace("{\"url\":\"https://example.org/x\"}", "{\"url\":\"https://example.org/x\",\"publishedOn\":\"2024-02-30\"}"), 400, "sources[0].publishedOn" },
        { "source language bad", Valid.Replace("{\"url\":\"https://example.org/x\"}", "{\"url\":\"https://example.org/x\",\"language\":\"arabic!\"}"), 400, "sources[0].language" },
        { "21 sources", Valid.Replace("[{\"url\":\"https://example.org/x\"}]", "[" + string.Join(",", Enumerable.Repeat("{\"url\":\"https://example.org/x\"}", 21)) + "]"), 400, "sources" },
        { "unknown field", Valid[..^1] + ",\"confidence\":0.9}", 400, "confidence" },
        { "agreement on a visit", Valid[..^1] + ",\"agreement\":\"x\"}", 400, "agreement" },
        { "mission on a visit", Valid[..^1] + ",\"mission\":{\"owner\":\"A\",\"kind\":\"consulate\",\"city\":\"X\"}}", 400, "mission" },
        { "agreement type without agreement", Valid.Replace("OfficialVisit", "AgreementSigned")[..^1] + ",\"title\":\"T\"}", 400, "agreement" },
        { "agreement slug with capitals", Valid.Replace("OfficialVisit", "AgreementSigned")[..^1] + ",\"agreement\":\"Maritime\",\"title\":\"T\"}", 400, "agreement" },
        { "agreement slug with spaces", Valid.Replace("OfficialVisit", "AgreementSigned")[..^1] + ",\"agreement\":\"mou 2019\",\"title\":\"T\"}", 400, "agreement" },
        { "agreement slug too long", Valid.Replace("OfficialVisit", "AgreementSigned")[..^1] + ",\"agreement\":\"" + new string('a', 65) + "\",\"title\":\"T\"}", 400, "agreement" },
        { "mission type without mission", Valid.Replace("OfficialVisit", "MissionOpened"), 400, "mission" },
        { "mission owner not in relation", Valid.Replace("OfficialVisit", "MissionOpened")[..^1] + ",\"mission\":{\"owner\":\"GRC\",\"kind\":\"consulate\",\"city\":\"X\"}}", 400, "mission.owner" },
        { "mission kind unknown", Valid.Replace("OfficialVisit", "MissionOpened")[..^1] + ",\"mission\":{\"owner\":\"A\",\"kind\":\"office\",\"city\":\"X\"}}", 400, "mission.kind" },
        { "mission city missing", Valid.Replace("OfficialVisit", "MissionOpened")[..^1] + ",\"mission\":{\"owner\":\"A\",\"kind\":\"embassy\"}}", 400, "mission.city" },
        { "deep nesting", Valid[..^1] + ",\"x\":" + new string('[', 100) + new string(']', 100) + "}", 400, "body" },
        { "huge number", Valid.Replace("\"high\"", "1" + new string('0', 400)), 400, "significance" },
        { "SQL in the summary is only text, but the type is bad", Valid.Replace("OfficialVisit", "'; DROP TABLE tracker.mt_events; --"), 400, "type" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_bad_development_is_refused_and_nothing_is_recorded(string name, string body, int status, string field)
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();

        var response = await PostRawAsync($"/api/relations/{a}/{b}/developments", body.Replace("\"A\"", $"\"{a}\""));

        await ExpectProblemAsync(response, (HttpStatusCode)status, field);
        Assert.True(before == await App.EventCountAsync(), $"{name}: something was recorded");
    }

    [Theory]
    [InlineData("trailing comma", "{\"type\":\"Aid\",}", "body")]
    [InlineData("empty body", "", "body")]
    [InlineData("broken JSON", "{\"type\":", "body")]
    [InlineData("a number for text", "{\"type\":5}", "type")]
    [InlineData("an unknown field", "{\"colour\":\"red\"}", "colour")]
    public async Task A_malformed_body_is_explained_in_the_callers_terms_not_the_parsers(string name, string body, string field)
    {
        var (a, b) = await CreateRelationAsync();
        var problem = await ExpectProblemAsync(await PostRawAsync($"/api/relations/{a}/{b}/developments", body), HttpStatusCode.BadRequest, field);
        var message = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.DoesNotContain("reader options", message);
        Assert.DoesNotContain("isFinalBlock", message);
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("RelationsTracker", message);
        Assert.False(string.IsNullOrWhiteSpace(message), name);
    }

    [Theory]
    [InlineData("/api/relations/{a}/{b}/developments", "summary")]
    [InlineData("/api/subscriptions", "secret")]
    [InlineData("/api/actors/{a}", "name")]
    public async Task A_lone_surrogate_escape_in_text_is_a_400_naming_the_field(string path, string field)
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        var body = field switch
        {
            "summary" => Valid.Replace("\"A\"", $"\"{a}\"").Replace("A visit", "\\ud800"),
            "secret" => "{\"callbackUrl\":\"https://hooks.example.org/x\",\"secret\":\"\\ud800\"}",
            _ => "{\"name\":\"x\\udc00y\"}",
        };
        var url = path.Replace("{a}", a).Replace("{b}", b);
        var response = field == "name"
            ? await SendAsync(HttpMethod.Put, url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
            : await PostRawAsync(url, body);
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Theory]
    [InlineData("gzip, chunked")]
    [InlineData("chunked, chunked")]
    [InlineData("identity")]
    public async Task A_body_framed_by_another_transfer_coding_is_a_400(string codings)
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/relations/{a}/{b}/developments")
        {
            Content = new StringContent(Valid.Replace("\"A\"", $"\"{a}\""), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Transfer-Encoding", codings);
        await ExpectProblemAsync(await Client.SendAsync(request), HttpStatusCode.BadRequest, "Transfer-Encoding");
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task Invalid_UTF8_is_a_400()
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        var bytes = System.Text.Encoding.UTF8.GetBytes(Valid.Replace("\"A\"", $"\"{a}\"")).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'v') , new byte[] { 0xC3, 0x28 });
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new("application/json");
        var response = await SendAsync(HttpMethod.Post, $"/api/relations/{a}/{b}/developments", content);
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task Script_and_SQL_fragments_in_text_are_stored_as_text()
    {
        var (a, b) = await CreateRelationAsync();
        var summary = "<script>alert(1)</script>'; DROP TABLE tracker.mt_events; --";
        var created = await RecordAsync(a, b, Development("Statement", "2024", a, summary: summary));
        var read = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{created["id"]}");
        Assert.Equal(summary, read["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415()
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        var response = await PostRawAsync($"/api/relations/{a}/{b}/developments", "type=OfficialVisit", "application/x-www-form-urlencoded");
        await ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task An_unknown_actor_in_the_route_is_a_404()
    {
        var (a, _) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        var response = await PostJsonAsync($"/api/relations/{a}/{NewActorId()}/developments", Development("Statement", "2024", a));
        await ExpectProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Theory]
    [InlineData("tur", "a")]
    [InlineData("TUR-", "a")]
    [InlineData("TUR", "b")]
    public async Task A_malformed_relation_in_the_route_is_a_400(string a, string field)
    {
        var before = await App.EventCountAsync();
        var response = await PostJsonAsync($"/api/relations/{a}/TUR/developments", Development("Statement", "2024", "TUR"));
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Theory]
    [InlineData("If-Match", "3")]
    [InlineData("If-Match", "\"3")]
    [InlineData("Idempotency-Key", "key with spaces")]
    public async Task A_malformed_header_is_a_400(string header, string value)
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        var response = await PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("Statement", "2024", a), (header, value));
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, header);
        Assert.Equal(before, await App.EventCountAsync());
    }
}
