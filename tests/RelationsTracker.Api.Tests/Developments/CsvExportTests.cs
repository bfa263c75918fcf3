using System.Net;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>GET .../developments.csv and .../score.csv (api.md 1.1, "CSV"): the timeline and the series as RFC 4180 tables.</summary>
public class CsvExportTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task The_timeline_as_csv_has_a_header_and_a_row_per_development_quoted_as_rfc_4180_says()
    {
        var (a, b) = await CreateRelationAsync();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b, "high", summary: "Visit to Ankara, with \"talks\""));
        var drill = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08", a, summary: "Port call and drill"));

        var response = await Client.GetAsync($"/api/relations/{a}/{b}/developments.csv?asOf=2025-12-31");

        await ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal($"{a}~{b}-developments.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        // The contributions at asOf, as the JSON timeline gives them.
        var json = await GetJsonAsync($"/api/relations/{a}/{b}/developments?asOf=2025-12-31");
        var contributions = json["developments"]!.AsArray().Select(d => d!["contribution"]!.GetValue<decimal>().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(
            "id,occurredOn,type,cameo,actor,significance,contribution,summary,source\r\n" +
            $"{visit["id"]},2025-04-04,OfficialVisit,042,{b},high,{contributions[0]},\"Visit to Ankara, with \"\"talks\"\"\",https://example.org/report\r\n" +
            $"{drill["id"]},2025-08,MilitaryCooperation,062,{a},normal,{contributions[1]},Port call and drill,https://example.org/report\r\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_timeline_csv_pages_like_the_timeline_with_the_next_page_in_its_link_header()
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("Statement", "2025-01-01", a));
        await RecordAsync(a, b, Development("Statement", "2025-02-01", a));

        var first = await Client.GetAsync($"/api/relations/{a}/{b}/developments.csv?limit=1");
        await ExpectStatusAsync(first, HttpStatusCode.OK);
        Assert.Equal(2, (await first.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var next = first.Headers.GetValues("Link").Single();
        Assert.Matches($"^<[^>]*/api/relations/{a}/{b}/developments\\.csv\\?limit=1&cursor=[^>]+>; rel=\"next\"$", next);

        var second = await Client.GetAsync(next[1..next.IndexOf('>')]);
        var rows = (await second.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Contains(",2025-02-01,", rows[1]);
        Assert.False(second.Headers.Contains("Link"));
    }

    [Fact]
    public async Task The_score_series_as_csv_has_the_points_of_the_json_series()
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b));
        const string query = "from=2025-01-01&to=2025-12-01&step=month&halfLifeDays=90";

        var response = await Client.GetAsync($"/api/relations/{a}/{b}/score.csv?{query}");

        await ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var series = await GetJsonAsync($"/api/relations/{a}/{b}/score?{query}");
        var expected = "date,score,raw\r\n" + string.Concat(series["points"]!.AsArray().Select(p =>
            $"{p!["date"]},{Number(p["score"]!)},{Number(p["raw"]!)}\r\n"));
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(12, expected.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Theory]
    [InlineData("developments.csv?from=2025-02-01&to=2025-01-01", "from")]
    [InlineData("developments.csv?limit=0", "limit")]
    [InlineData("score.csv?from=2025-02-01&to=2025-01-01", "from")]
    [InlineData("score.csv?halfLifeDays=0", "halfLifeDays")]
    public async Task A_bad_parameter_is_the_400_the_json_route_gives(string route, string field)
    {
        var (a, b) = await CreateRelationAsync();

        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/{route}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_unknown_relation_is_a_404()
    {
        var (a, _) = await CreateRelationAsync();

        var nobody = NewActorId("NOB");
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{nobody}/developments.csv"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{nobody}/score.csv"), HttpStatusCode.NotFound);
    }

    private static string Number(JsonNode value) => value.GetValue<decimal>().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
