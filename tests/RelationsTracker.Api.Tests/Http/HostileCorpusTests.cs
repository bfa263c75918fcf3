using System.Net;
using System.Text;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>
/// Malformed and hostile requests across every write route and query parameter. Each gets its documented
/// 4xx as problem details, and the event store's content (every event, byte for byte) is unchanged.
/// In the table, {a} and {b} are the relation's two actors and {id} one of its developments.
/// </summary>
public class HostileCorpusTests(TrackerApp app) : TrackerTest(app)
{
    private const string Dev = """{"type":"Aid","occurredOn":"2025-01-01","actor":"{a}","summary":"s","sources":[{"url":"https://example.org"}]}""";

    public static TheoryData<string, string, string?, int> Corpus() => new()
    {
        // method, path, body, status
        { "POST", "/api/relations/{a}/{b}/developments", "{", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "null", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "true", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "123", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "{}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"Aid\"", "null"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"Aid\"", "[\"Aid\"]"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "aid"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "Aid "), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "Aid<script>"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("2025-01-01", "2025-02-30"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("2025-01-01", "2025-02-29"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("2025-01-01", "2025-00"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("2025-01-01", "9999-12-31"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("2025-01-01", "0000"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("2025-01-01", "-2025"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("2025-01-01", "2025-01-01'; DROP TABLE tracker.mt_events;--"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"{a}\"", "\"{a}\",\"actor\":\"{b}\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"{a}\"", "\"TUR\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"{a}\"", "\"{a} \""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"{a}\"", "17"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"" + new string('x', 2001) + "\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"a\\u0000b\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "1e999"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("https://example.org", "javascript:alert(document.cookie)"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("https://example.org", "data:text/html,<script>alert(1)</script>"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("https://example.org", "file:///etc/passwd"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("https://example.org", "https://exa mple.org"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("https://example.org", "https://" + new string('a', 2100) + ".org"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("[{\"url\":\"https://example.org\"}]", "[null]"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("[{\"url\":\"https://example.org\"}]", "[[]]"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("[{\"url\":\"https://example.org\"}]", "[{}]"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("[{\"url\":\"https://example.org\"}]", "\"https://example.org\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"sources\"", "\"__proto__\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"significance\":\"critical\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"significance\":null}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"id\":\"00000000-0000-0000-0000-000000000001\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"recordedAt\":\"2020-01-01T00:00:00Z\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"x\":" + new string('{', 40) + new string('}', 40) + "}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "MissionOpened")[..^1] + ",\"mission\":\"Benghazi\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "MissionOpened")[..^1] + ",\"mission\":{\"owner\":\"{a}\",\"kind\":\"consulate\",\"city\":\"\"}}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "AgreementSigned")[..^1] + ",\"agreement\":\"../../etc\",\"title\":\"t\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "AgreementSigned")[..^1] + ",\"agreement\":\"mou\"}", 400 },
        { "POST", "/api/relations/{a}/{a}/developments", Dev, 400 },
        { "POST", "/api/relations/{a}/XYZ-NOPE/developments", Dev, 404 },
        { "POST", "/api/relations/{a}/%27%3B--/developments", Dev, 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":null}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":[\"x\"]}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":\"x\",\"sources\":[{\"url\":\"ftp://x\"}]}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/00000000-0000-0000-0000-000000000000/retraction", "{\"reason\":\"x\"}", 404 },
        { "POST", "/api/relations/{a}/{b}/developments/1%20OR%201=1/retraction", "{\"reason\":\"x\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"x\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"x\",\"type\":\"MissionClosed\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"x\",\"occurredOn\":\"2025-13-01\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"x\",\"significance\":1.5}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"x\",\"summary\":\"y\",\"actor\":\"{b}\"}", 400 },
        { "PUT", "/api/actors/tur", "{\"name\":\"x\"}", 400 },
        { "PUT", "/api/actors/TUR-%3Cscript%3E", "{\"name\":\"x\"}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":\"" + new string('x', 201) + "\"}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":{\"$ne\":null}}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"http://169.254.169.254/latest/meta-data\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"gopher://example.org\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://example.org\",\"secret\":\"\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://example.org\",\"secret\":\"s\",\"kinds\":\"all\"}", 400 },
        { "DELETE", "/api/subscriptions/not-a-guid", null, 400 },
        { "DELETE", "/api/subscriptions/00000000-0000-0000-0000-000000000000", null, 404 },
        { "GET", "/api/relations/{a}/{b}?asOf=2025-02-29", null, 400 },
        { "GET", "/api/relations/{a}/{b}?asOf=0999-12-31", null, 400 },
        { "GET", "/api/relations/{a}/{b}?knownAt=2025-01-01T00:00:00", null, 400 },
        { "GET", "/api/relations/{a}/{b}?knownAt=%27%20OR%201=1", null, 400 },
        { "GET", "/api/relations/{a}/{b}?halfLifeDays=99999999999999999999", null, 400 },
        { "GET", "/api/relations/{a}/{b}?halfLifeDays=-180", null, 400 },
        { "GET", "/api/relations/{a}/{b}/score?step=hour", null, 400 },
        { "GET", "/api/relations/{a}/{b}/score?from=1000-01-01&to=9999-12-31&step=month", null, 400 },
        { "GET", "/api/relations/{a}/{b}/developments?from=2025-01-02&to=2025-01-01", null, 400 },
        { "GET", "/api/relations/{a}/{b}/developments?to=tomorrow", null, 400 },
        { "GET", "/api/relations?asOf=2025-1-1", null, 400 },
        { "GET", "/api/notifications?relation={a}", null, 400 },
        { "GET", "/api/notifications?kinds=development-recorded;DROP", null, 400 },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_hostile_request_gets_its_4xx_and_the_event_store_is_byte_for_byte_unchanged(string method, string path, string? body, int status)
    {
        var (a, b) = await CreateRelationAsync();
        var id = (await RecordAsync(a, b, Development("OfficialVisit", "2025-01-01", a)))["id"]!.GetValue<string>();
        var before = await EventStoreFingerprintAsync();

        string Fill(string text) => text.Replace("{a}", a).Replace("{b}", b).Replace("{id}", id);
        var content = body is null ? null : new StringContent(Fill(body), Encoding.UTF8, "application/json");
        var response = await SendAsync(new HttpMethod(method), Fill(path), content);

        await ExpectProblemAsync(response, (HttpStatusCode)status);
        Assert.Equal(before, await EventStoreFingerprintAsync());
    }

    /// <summary>A hash of every relation event in order: sequence, stream, version, type, data and timestamp.</summary>
    private async Task<string> EventStoreFingerprintAsync()
    {
        await using var session = App.Store.QuerySession();
        var hash = await session.QueryAsync<string>(
            "select coalesce(md5(string_agg(seq_id || '|' || stream_id || '|' || version || '|' || type || '|' || data::text || '|' || timestamp, E'\\n' order by seq_id)), '') " +
            "from tracker.mt_events where stream_id <> 'mt_tombstone'");
        return hash[0];
    }
}
