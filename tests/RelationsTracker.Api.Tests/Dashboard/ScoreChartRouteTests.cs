using System.Globalization;
using System.Net;
using System.Xml.Linq;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests.Dashboard;

/// <summary>GET .../score.svg over HTTP: the score route's series and checks, drawn.</summary>
public class ScoreChartRouteTests(TrackerApp app) : TrackerTest(app)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>scoring.md's worked example; returns the relation and the knownAt that includes all three.</summary>
    private async Task<(string A, string B, string KnownAt)> WorkedExampleAsync()
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a));
        await RecordAsync(a, b, Development("AgreementRejected", "2019-12", b, "high", agreement: "maritime-mou-2019", title: "MoU"));
        var last = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b, "high"));
        return (a, b, last["recordedAt"]!.GetValue<DateTime>().ToString("O", CultureInfo.InvariantCulture));
    }

    private async Task<(HttpResponseMessage Response, string Body)> GetSvgAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task It_is_an_svg_of_the_same_series_as_the_score_route_marked_at_asOf()
    {
        var (a, b, knownAt) = await WorkedExampleAsync();
        var query = $"from=2019-11-01&to=2025-12-31&step=week&knownAt={Uri.EscapeDataString(knownAt)}";

        var (response, body) = await GetSvgAsync($"/api/relations/{a}/{b}/score.svg?{query}&asOf=2025-09-01");
        await ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var root = XDocument.Parse(body).Root!;
        Assert.Equal($"Warming score of {a}~{b}, 2019-11-01 to 2025-12-31", root.Element(Svg + "title")!.Value);

        var series = await GetJsonAsync($"/api/relations/{a}/{b}/score?{query}");
        var points = root.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Split(' ');
        Assert.Equal(series["points"]!.AsArray().Count, points.Length);

        // The marker reads what the state route reads at asOf (scoring.md: 33.8, cordial, on 2025-09-01).
        var marker = root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "as-of");
        Assert.Equal("asOf 2025-09-01: 33.8 cordial", marker.Element(Svg + "text")!.Value);
        Assert.Contains("2019-12 AgreementRejected (-6.0)",
            root.Descendants(Svg + "title").Select(t => t.Value));
    }

    [Fact]
    public async Task Either_order_of_the_actors_draws_the_same_chart_of_the_canonical_relation()
    {
        var (a, b, knownAt) = await WorkedExampleAsync();
        var query = $"?asOf=2025-09-01&knownAt={Uri.EscapeDataString(knownAt)}";
        var (forward, forwardBody) = await GetSvgAsync($"/api/relations/{a}/{b}/score.svg{query}");
        var (backward, backwardBody) = await GetSvgAsync($"/api/relations/{b}/{a}/score.svg{query}");
        await ExpectStatusAsync(forward, HttpStatusCode.OK);
        await ExpectStatusAsync(backward, HttpStatusCode.OK);
        Assert.Equal(forwardBody, backwardBody);
        Assert.Contains($"{a}~{b}", forwardBody);
    }

    [Fact]
    public async Task By_default_it_runs_by_day_from_the_month_before_the_first_development_to_asOf()
    {
        var (a, b, _) = await WorkedExampleAsync();
        var (response, body) = await GetSvgAsync($"/api/relations/{a}/{b}/score.svg?asOf=2025-08-31");
        await ExpectStatusAsync(response, HttpStatusCode.OK);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal($"Warming score of {a}~{b}, 2019-11-01 to 2025-08-31", root.Element(Svg + "title")!.Value);
        var days = new DateOnly(2025, 8, 31).DayNumber - new DateOnly(2019, 11, 1).DayNumber + 1;
        Assert.Equal(days, root.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Split(' ').Length);
    }

    [Theory]
    [InlineData("2000-01-01T00:00:00Z", "2020-06-30", "asOf 2020-06-30: 0.0 neutral")] // known at a time before anything was recorded
    [InlineData(null, "2012-03-15", "asOf 2012-03-15: 0.0 neutral")]                   // asOf years before the first development
    public async Task The_asOf_marker_is_drawn_for_every_knownAt_and_asOf_the_range_reaches_back_to_it(string? knownAt, string asOf, string marker)
    {
        var (a, b, _) = await WorkedExampleAsync();
        var query = $"asOf={asOf}&to=2026-12-01" + (knownAt is null ? "" : $"&knownAt={Uri.EscapeDataString(knownAt)}");

        var (response, body) = await GetSvgAsync($"/api/relations/{a}/{b}/score.svg?{query}");

        await ExpectStatusAsync(response, HttpStatusCode.OK);
        var root = XDocument.Parse(body).Root!;
        var asOfGroup = root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "as-of");
        Assert.Equal(marker, asOfGroup.Element(Svg + "text")!.Value);
    }

    [Fact]
    public async Task Other_relations_are_drawn_on_the_same_chart_each_in_its_colour_with_a_legend()
    {
        var (a, b, _) = await WorkedExampleAsync();
        var (c, d) = await CreateRelationAsync();
        await RecordAsync(c, d, Development("Threat", "2025-03-01", c, "high"));
        const string range = "from=2025-01-01&to=2025-09-30&step=week";

        var (response, body) = await GetSvgAsync($"/api/relations/{a}/{b}/score.svg?{range}&asOf=2025-09-01&compare={c}~{d}");

        await ExpectStatusAsync(response, HttpStatusCode.OK);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal($"Warming score of {a}~{b} and {c}~{d}, 2025-01-01 to 2025-09-30", root.Element(Svg + "title")!.Value);
        var compared = root.Descendants(Svg + "polyline").Single(p => p.Attribute("class")?.Value == "compared");
        Assert.Equal("#d95f02", compared.Attribute("stroke")!.Value);
        Assert.Equal($"{c}~{d}", compared.Element(Svg + "title")!.Value);
        // The compared line is that relation's own series, at the same dates.
        var theirs = (await GetJsonAsync($"/api/relations/{c}/{d}/score?{range}"))["points"]!.AsArray();
        Assert.Equal(theirs.Count, compared.Attribute("points")!.Value.Split(' ').Length);
        var last = theirs[^1]!["score"]!.GetValue<decimal>();
        Assert.Contains($"{c}~{d}: last {last.ToString("0.0", CultureInfo.InvariantCulture)}", root.Element(Svg + "desc")!.Value);
        var legend = root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "legend");
        Assert.Equal([$"{a}~{b}", $"{c}~{d}"], legend.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public async Task The_score_as_known_at_an_earlier_instant_is_drawn_dashed_beside_todays()
    {
        var (a, b, _) = await WorkedExampleAsync();

        var (response, body) = await GetSvgAsync($"/api/relations/{a}/{b}/score.svg?from=2025-01-01&to=2025-09-30&asOf=2025-09-01&alsoKnownAt=2000-01-01T00:00:00Z");

        await ExpectStatusAsync(response, HttpStatusCode.OK);
        var root = XDocument.Parse(body).Root!;
        var then = root.Descendants(Svg + "polyline").Single(p => p.Attribute("class")?.Value == "compared");
        Assert.Equal("6 4", then.Attribute("stroke-dasharray")!.Value);
        Assert.Equal("as known at 2000-01-01T00:00:00Z", then.Element(Svg + "title")!.Value);
        // Nothing was known then: the line lies at 0 throughout (y 182 of the 360-high chart).
        Assert.All(then.Attribute("points")!.Value.Split(' '), p => Assert.Equal("182", p.Split(',')[1]));
        Assert.NotEqual(then.Attribute("points")!.Value, root.Descendants(Svg + "polyline").Single(p => p.Attribute("class")?.Value == "score").Attribute("points")!.Value);
    }

    [Theory]
    [InlineData("compare=nope", "compare")]
    [InlineData("compare=AAA~BBB,CCC~DDD,EEE~FFF,GGG~HHH,III~JJJ", "compare")]
    [InlineData("compare=ZZZ-NOBODY1~ZZZ-NOBODY2", "compare")]
    [InlineData("alsoKnownAt=yesterday", "alsoKnownAt")]
    public async Task What_cannot_be_compared_is_a_400_naming_it(string query, string field)
    {
        var (a, b) = await CreateRelationAsync();

        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/score.svg?{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_relation_with_no_development_is_an_empty_chart_of_the_year_to_asOf()
    {
        var (a, b) = await CreateRelationAsync();
        var (response, body) = await GetSvgAsync($"/api/relations/{a}/{b}/score.svg?asOf=2025-08-31");
        await ExpectStatusAsync(response, HttpStatusCode.OK);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal($"Warming score of {a}~{b}, 2024-08-31 to 2025-08-31", root.Element(Svg + "title")!.Value);
        Assert.Contains("No development in this range.", root.Element(Svg + "desc")!.Value);
    }

    [Theory]
    [InlineData("asOf=2025-13-01", "asOf")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-02-30", "to")]
    [InlineData("step=year", "step")]
    [InlineData("halfLifeDays=0", "halfLifeDays")]
    [InlineData("knownAt=2025-09-01", "knownAt")]
    [InlineData("from=2025-09-01&to=2025-01-01", "from")]
    [InlineData("from=1990-01-01&to=2025-01-01&step=day", "to")]
    [InlineData("asOf=2025-01-01&asOf=2025-02-01", "asOf")]
    public async Task Bad_parameters_are_a_400_naming_each(string query, string field)
    {
        var (a, b) = await CreateRelationAsync();
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/score.svg?{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_unknown_actor_is_a_404_and_a_malformed_one_a_400()
    {
        var a = await CreateActorAsync();
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{NewActorId()}/score.svg"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/not-an-actor/score.svg"), HttpStatusCode.BadRequest, "b");
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{a}/score.svg"), HttpStatusCode.BadRequest);
    }
}
