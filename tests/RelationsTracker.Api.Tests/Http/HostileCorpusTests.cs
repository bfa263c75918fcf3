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
        // Added with the hardening issue (19): text that lies or breaks Unicode, every field, every write route.
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"\\ud800\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"\\udc00x\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"\\u202eyekruT\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"\\u202aTurkey\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"\\u2067open\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"close\\u2069\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"\\u200b\\u200b\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"\\u200f\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"a\\u007fb\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"a\\u0085b\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"a\\u0000b\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "\"a\\u001bb\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"https://example.org\",\"citation\":\"\\u202ecitation\"}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"https://example.org\",\"publisher\":\"\\u200b\"}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"https://exa mple.org\"}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"http://\"}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"https://example.org\",\"language\":\"ar_EG\"}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"https://example.org\",\"publishedOn\":\"2999-01-01\"}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"https://example.org\",\"url\":\"https://example.org/2\"}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"https://example.org\",\"publisher\":null}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{\"url\":\"\\ud800\"}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("{\"url\":\"https://example.org\"}", "{}"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"sources\":[{\"url\":\"https://example.org\"}]", "\"sources\":null"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"Aid\"", "\"\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"Aid\"", "\"Aid\\u0000\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"2025-01-01\"", "\"\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"2025-01-01\"", "\"2025-01-01 \""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"2025-01-01\"", "\"+2025\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"2025-01-01\"", "\"20250101\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"{a}\"", "\"\\ud800\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"{a}\"", "null"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "1e400"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"s\"", "[\"s\"]"), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"Aid\"", "\"MissionOpened\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("\"Aid\"", "\"AgreementSigned\""), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"significance\":\"\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"title\":\"T\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "MissionOpened")[..^1] + ",\"mission\":null}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "MissionOpened")[..^1] + ",\"mission\":{\"owner\":\"{a}\",\"kind\":\"Consulate\",\"city\":\"X\"}}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "MissionOpened")[..^1] + ",\"mission\":{\"owner\":\"{a}\",\"kind\":\"consulate\",\"city\":\"X\",\"staff\":3}}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "MissionOpened")[..^1] + ",\"mission\":\"consulate\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "AgreementSigned")[..^1] + ",\"agreement\":\"-x\",\"title\":\"T\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev.Replace("Aid", "AgreementSigned")[..^1] + ",\"agreement\":\"x\",\"title\":\"\\u202eT\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + "/* comment */}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "{'type':'Aid'}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "{\"type\":NaN}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev + "x", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev + Dev, 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"" + new string('k', 10_000) + "\":1}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", Dev[..^1] + ",\"sources2\":" + new string('[', 17) + new string(']', 17) + "}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "\"" + Dev + "\"", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":\"\\ud800\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":\"\\u202eno\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":\"\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":5}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":\"r\",\"sources\":[{\"url\":\"/x\"}]}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":\"r\",\"why\":1}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "[]", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "{\"reason\":\"r\",\"sources\":{}}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/00000000-0000-0000-0000-000000000000/retraction", "{\"reason\":\"r\"}", 404 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"r\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"r\",\"type\":\"AgreementSigned\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"r\",\"type\":\"Visit\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"r\",\"occurredOn\":\"2999\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"r\",\"summary\":\"\\u202ex\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"r\",\"colour\":1}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"r\",\"significance\":\"HIGH\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"summary\":\"x\"}", 400 },
        { "POST", "/api/relations/{a}/{b}/developments/{id}/correction", "{\"reason\":\"r\",\"summary\":null}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":\"\\ud800\"}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":\"\\u202eyekruT\"}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":\"\\u200b\"}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":\"X\",\"description\":\"a\\u007fb\"}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":\"X\",\"flag\":1}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":\"" + new string('x', 201) + "\"}", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "[\"X\"]", 400 },
        { "PUT", "/api/actors/ZZZ-NEW", "{\"name\":\"X\",\"name\":\"Y\"}", 400 },
        { "PUT", "/api/actors/zzz", "{\"name\":\"X\"}", 400 },
        { "PUT", "/api/actors/ZZZ-ABCDEFGHIJKLMNOPQ", "{\"name\":\"X\"}", 400 },
        { "PUT", "/api/actors/ZZZ_1", "{\"name\":\"X\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://hooks.example.org/x\",\"secret\":\"\\ud800\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"http://100.100.100.200/\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"http://192.0.0.192/\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"http://[::169.254.169.254]/\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"http://[64:ff9b::169.254.169.254]/\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"http://[2002:a9fe:a9fe::]/\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"http://169.254.169.254./\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"ftp://hooks.example.org/\",\"secret\":\"s\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://hooks.example.org/x\",\"secret\":\"s\",\"relations\":[\"x\"]}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://hooks.example.org/x\",\"secret\":\"s\",\"kinds\":[\"visit\"]}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://hooks.example.org/x\",\"secret\":\"s\",\"kinds\":[1]}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://hooks.example.org/x\",\"secret\":\"s\",\"relations\":\"LBY-EAST~TUR\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://hooks.example.org/x\",\"secret\":\"\"}", 400 },
        { "POST", "/api/subscriptions", "{\"callbackUrl\":\"https://hooks.example.org/x\"}", 400 },
        { "GET", "/api/relations/{a}/{b}?asOf=2025-13-01", null, 400 },
        { "GET", "/api/relations/{a}/{b}?knownAt=yesterday", null, 400 },
        { "GET", "/api/relations/{a}/{b}?halfLifeDays=0", null, 400 },
        { "GET", "/api/relations/{a}/{b}?halfLifeDays=99999", null, 400 },
        { "GET", "/api/relations/{a}/{b}?halfLifeDays=1.5", null, 400 },
        { "GET", "/api/relations/{a}/{b}/score?step=year", null, 400 },
        { "GET", "/api/relations/{a}/{b}/score?from=x", null, 400 },
        { "GET", "/api/relations/{a}/{b}?asOf=2025-01-01&asOf=2025-01-02", null, 400 },
        { "GET", "/api/notifications?lastEventId=1e3", null, 400 },
        { "GET", "/api/notifications?kinds=", null, 400 },
        { "GET", "/api/notifications?relation=%00", null, 400 },
        { "GET", "/api/relations/{a}/{b}/score.svg?halfLifeDays=-1", null, 400 },
        { "POST", "/api/imports?format=xml", "relation,type", 400 },
        { "POST", "/api/imports?format=csv&atomic=yes", "relation,type", 400 },
    };

    public static TheoryData<string, string, string, string, int> HeaderCorpus() => new()
    {
        // method, path, header, value, status
        { "GET", "/api/relations/{a}/{b}", "X-Api-Key", "made-up-key", 401 },
        { "GET", "/api/notifications", "X-Api-Key", "made-up-key", 401 },
        { "GET", "/api/relations", "X-Api-Key", "made-up-key", 401 },
        { "POST", "/api/relations/{a}/{b}/developments", "If-Match", "3", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "If-Match", "\"99\"", 412 },
        { "POST", "/api/relations/{a}/{b}/developments", "Idempotency-Key", "has space", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "Idempotency-Key", new string('k', 201), 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "Transfer-Encoding", "gzip, chunked", 400 },
        { "POST", "/api/relations/{a}/{b}/developments", "Content-Type", "text/plain", 415 },
        { "GET", "/api/notifications", "Last-Event-ID", "abc", 400 },
        { "GET", "/api/notifications", "Last-Event-ID", "-1", 400 },
    };

    // Each row numbered: xunit tells cases apart by their arguments' shortened display, and long bodies that differ
    // only towards their end would otherwise be taken for one case and run once.
    public static IEnumerable<object[]> Numbered(string table) =>
        (table == nameof(Corpus) ? (IEnumerable<object[]>)Corpus() : HeaderCorpus()).Select((row, i) => new object[] { i + 1 }.Concat(row).ToArray());

    [Theory]
    [MemberData(nameof(Numbered), nameof(HeaderCorpus))]
    public async Task A_hostile_header_gets_its_4xx_and_the_event_store_is_byte_for_byte_unchanged(int row, string method, string path, string header, string value, int status)
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("OfficialVisit", "2025-01-01", a));
        var before = await EventStoreFingerprintAsync();

        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{a}", a).Replace("{b}", b));
        if (method == "POST") request.Content = new StringContent(Dev.Replace("{a}", a), Encoding.UTF8, "application/json");
        if (header == "Content-Type") request.Content!.Headers.ContentType = new(value);
        else if (header == "X-Api-Key") { request.Headers.Remove(header); request.Headers.TryAddWithoutValidation(header, value); }
        else request.Headers.TryAddWithoutValidation(header, value);
        using var client = new HttpClient(App.Server.CreateHandler()) { BaseAddress = App.Client.BaseAddress };
        if (header != "X-Api-Key") client.DefaultRequestHeaders.Add("X-Api-Key", TrackerApp.ApiKey);
        var response = await client.SendAsync(request);

        await ExpectProblemAsync(response, (HttpStatusCode)status);
        Assert.True(before == await EventStoreFingerprintAsync(), $"row {row}: the event store changed");
    }

    [Theory]
    [MemberData(nameof(Numbered), nameof(Corpus))]
    public async Task A_hostile_request_gets_its_4xx_and_the_event_store_is_byte_for_byte_unchanged(int row, string method, string path, string? body, int status)
    {
        var (a, b) = await CreateRelationAsync();
        var id = (await RecordAsync(a, b, Development("OfficialVisit", "2025-01-01", a)))["id"]!.GetValue<string>();
        var before = await EventStoreFingerprintAsync();

        string Fill(string text) => text.Replace("{a}", a).Replace("{b}", b).Replace("{id}", id);
        var content = body is null ? null : new StringContent(Fill(body), Encoding.UTF8, "application/json");
        var response = await SendAsync(new HttpMethod(method), Fill(path), content);

        await ExpectProblemAsync(response, (HttpStatusCode)status);
        Assert.True(before == await EventStoreFingerprintAsync(), $"row {row}: the event store changed");
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
