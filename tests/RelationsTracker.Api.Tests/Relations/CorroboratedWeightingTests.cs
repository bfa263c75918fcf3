using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>weighting=corroborated on the reads (api.md 1.1; scoring.md, "Corroboration"): each contribution × c.</summary>
public class CorroboratedWeightingTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task A_confirmed_development_weighs_a_quarter_more_from_the_instant_its_report_is_recorded_and_plain_is_unchanged()
    {
        var (a, b) = await CreateRelationAsync();
        var drill = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a));
        var statement = await RecordAsync(a, b, Development("Criticism", "2025-08-01", b));
        var plainBefore = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-09-01");
        var reported = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{drill["id"]}/reports",
            new { stance = "confirms", source = new { publisher = "Anadolu", citation = "Anadolu Agency wire" } });
        await ExpectStatusAsync(reported, HttpStatusCode.Created);
        var reportedAt = Uri.EscapeDataString((await ReadJsonAsync(reported))["recordedAt"]!.GetValue<DateTime>().ToString("O"));
        const string point = "asOf=2025-09-01";

        // Plain, the default, is as before the report.
        var plain = await GetJsonAsync($"/api/relations/{a}/{b}?{point}");
        Assert.Equal(plainBefore["raw"]!.GetValue<decimal>(), plain["raw"]!.GetValue<decimal>());
        Assert.Equal("plain", plain["weighting"]!.GetValue<string>());
        var explicitPlain = await GetJsonAsync($"/api/relations/{a}/{b}?{point}&weighting=plain");
        Assert.Equal((plain["raw"]!.GetValue<decimal>(), plain["score"]!.GetValue<decimal>()), (explicitPlain["raw"]!.GetValue<decimal>(), explicitPlain["score"]!.GetValue<decimal>()));

        // Corroborated: the drill (k = 2, c = 1.25) weighs 1.25 times its plain contribution; the criticism (c = 1) as before.
        var timeline = await GetJsonAsync($"/api/relations/{a}/{b}/developments?{point}");
        var weighed = await GetJsonAsync($"/api/relations/{a}/{b}/developments?{point}&weighting=corroborated");
        Assert.Equal("corroborated", weighed["weighting"]!.GetValue<string>());
        decimal Contribution(System.Text.Json.Nodes.JsonObject t, System.Text.Json.Nodes.JsonObject d) =>
            t["developments"]!.AsArray().Single(x => x!["id"]!.ToString() == d["id"]!.ToString())!["contribution"]!.GetValue<decimal>();
        Assert.InRange(Contribution(weighed, drill), Contribution(timeline, drill) * 1.25m - 0.002m, Contribution(timeline, drill) * 1.25m + 0.002m);
        Assert.Equal(Contribution(timeline, statement), Contribution(weighed, statement));
        var state = await GetJsonAsync($"/api/relations/{a}/{b}?{point}&weighting=corroborated");
        Assert.Equal("corroborated", state["weighting"]!.GetValue<string>());
        Assert.InRange(state["raw"]!.GetValue<decimal>(), Contribution(weighed, drill) + Contribution(weighed, statement) - 0.002m,
            Contribution(weighed, drill) + Contribution(weighed, statement) + 0.002m);
        Assert.True(state["score"]!.GetValue<decimal>() > plain["score"]!.GetValue<decimal>());

        // The series, its CSV and the chart read the same; before the report, corroborated is plain.
        var series = await GetJsonAsync($"/api/relations/{a}/{b}/score?from=2025-09-01&to=2025-09-01&weighting=corroborated");
        Assert.Equal(state["score"]!.GetValue<decimal>(), series["points"]![0]!["score"]!.GetValue<decimal>());
        Assert.Equal("corroborated", series["weighting"]!.GetValue<string>());
        var csv = await (await Client.GetAsync($"/api/relations/{a}/{b}/score.csv?from=2025-09-01&to=2025-09-01&weighting=corroborated")).Content.ReadAsStringAsync();
        Assert.Contains($"2025-09-01,{state["score"]!.GetValue<decimal>().ToString(System.Globalization.CultureInfo.InvariantCulture)},", csv);
        var svg = await (await Client.GetAsync($"/api/relations/{a}/{b}/score.svg?{point}&weighting=corroborated")).Content.ReadAsStringAsync();
        Assert.Contains("weighed by corroboration", svg);
        var then = await GetJsonAsync($"/api/relations/{a}/{b}?{point}&weighting=corroborated&knownAt={Uri.EscapeDataString(statement["recordedAt"]!.GetValue<DateTime>().ToString("O"))}");
        Assert.Equal(plainBefore["raw"]!.GetValue<decimal>(), then["raw"]!.GetValue<decimal>());
        var atReport = await GetJsonAsync($"/api/relations/{a}/{b}?{point}&weighting=corroborated&knownAt={reportedAt}");
        Assert.Equal(state["raw"]!.GetValue<decimal>(), atReport["raw"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/score")]
    [InlineData("/developments")]
    [InlineData("/score.svg")]
    [InlineData("/developments.csv")]
    [InlineData("/score.csv")]
    public async Task An_unknown_weighting_is_a_400_naming_it(string route)
    {
        var (a, b) = await CreateRelationAsync();

        var problem = await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}{route}?weighting=heavy"), HttpStatusCode.BadRequest, "weighting");

        Assert.Equal("'heavy' is not a weighting; use plain or corroborated", problem["errors"]!["weighting"]![0]!.GetValue<string>());
    }
}
