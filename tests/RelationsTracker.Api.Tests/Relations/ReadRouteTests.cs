using System.Net;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>The worked example of scoring.md, recorded over HTTP, read back through every read route.</summary>
public class ReadRouteTests(TrackerApp app) : TrackerTest(app)
{
    private async Task<(string A, string B)> WorkedExampleAsync()
    {
        var (a, b) = await CreateRelationAsync();
        // Recorded out of occurrence order on purpose.
        await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a));
        await RecordAsync(a, b, Development("AgreementRejected", "2019-12", b, "high", agreement: "maritime-mou-2019", title: "MoU"));
        await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b, "high"));
        return (a, b);
    }

    [Theory]
    [InlineData("2019-12-31", -5.345, -21.1, -21.1, "cooling", "strained")]
    [InlineData("2025-04-04", 2.847, 11.3, 11.4, "warming", "neutral")]
    [InlineData("2025-09-01", 8.801, 33.8, 24.8, "warming", "cordial")]
    public async Task The_state_reads_the_worked_example_to_the_decimal(string asOf, decimal raw, decimal score, decimal trend, string direction, string phase)
    {
        var (a, b) = await WorkedExampleAsync();
        var state = await GetJsonAsync($"/api/relations/{b}/{a}?asOf={asOf}");
        Assert.Equal($"{a}~{b}", state["relation"]!.GetValue<string>());
        Assert.Equal(asOf, state["asOf"]!.GetValue<string>());
        Assert.Equal(180, state["halfLifeDays"]!.GetValue<int>());
        Assert.Equal(raw, state["raw"]!.GetValue<decimal>());
        Assert.Equal(score, state["score"]!.GetValue<decimal>());
        Assert.Equal(trend, state["trend"]!.GetValue<decimal>());
        Assert.Equal(direction, state["direction"]!.GetValue<string>());
        Assert.Equal(phase, state["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_timeline_is_in_occurrence_order_with_current_contributions_and_from_to_bounds()
    {
        var (a, b) = await WorkedExampleAsync();

        var all = await GetJsonAsync($"/api/relations/{a}/{b}/developments?asOf=2025-09-01");
        Assert.Equal(["2019-12", "2025-04-04", "2025-08-25"], all["developments"]!.AsArray().Select(d => d!["occurredOn"]!.GetValue<string>()));
        // 7.4 · 2^(−7/180) on 2025-09-01
        Assert.Equal(7.203m, all["developments"]![2]!["contribution"]!.GetValue<decimal>());

        var bounded = await GetJsonAsync($"/api/relations/{a}/{b}/developments?from=2025-01-01&to=2025-08-24");
        Assert.Equal("2025-04-04", Assert.Single(bounded["developments"]!.AsArray())!["occurredOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_score_series_steps_by_day_week_and_clamped_month()
    {
        var (a, b) = await WorkedExampleAsync();

        var months = await GetJsonAsync($"/api/relations/{a}/{b}/score?from=2025-01-31&to=2025-05-31&step=month");
        Assert.Equal(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31"],
            months["points"]!.AsArray().Select(p => p!["date"]!.GetValue<string>()));

        var weeks = await GetJsonAsync($"/api/relations/{a}/{b}/score?from=2025-08-01&to=2025-09-01&step=week");
        Assert.Equal(5, weeks["points"]!.AsArray().Count);

        var days = await GetJsonAsync($"/api/relations/{a}/{b}/score?from=2025-09-01&to=2025-09-01");
        var point = Assert.Single(days["points"]!.AsArray())!;
        Assert.Equal(33.8m, point["score"]!.GetValue<decimal>());
        Assert.Equal("cordial", point["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_relations_list_has_each_relation_with_score_phase_and_direction()
    {
        var (a, b) = await WorkedExampleAsync();
        var list = await GetJsonAsync("/api/relations?asOf=2025-09-01");
        var mine = Assert.Single(list["relations"]!.AsArray(), r => r!["relation"]!.GetValue<string>() == $"{a}~{b}")!;
        Assert.Equal(33.8m, mine["score"]!.GetValue<decimal>());
        Assert.Equal("cordial", mine["phase"]!.GetValue<string>());
        Assert.Equal("warming", mine["direction"]!.GetValue<string>());

        var earlier = await GetJsonAsync("/api/relations?knownAt=2000-01-01T00:00:00Z");
        Assert.DoesNotContain(earlier["relations"]!.AsArray(), r => r!["relation"]!.GetValue<string>() == $"{a}~{b}");
    }

    [Theory]
    [InlineData("?asOf=2025-02-30", "asOf")]
    [InlineData("?asOf=2025-9-1", "asOf")]
    [InlineData("?asOf=yesterday", "asOf")]
    [InlineData("?knownAt=2025-09-01", "knownAt")]
    [InlineData("?knownAt=2025-09-01T10:00:00", "knownAt")]
    [InlineData("?knownAt=now", "knownAt")]
    [InlineData("?halfLifeDays=0", "halfLifeDays")]
    [InlineData("?halfLifeDays=3651", "halfLifeDays")]
    [InlineData("?halfLifeDays=1.5", "halfLifeDays")]
    [InlineData("?asOf=2025-01-01&asOf=2025-01-02", "asOf")]
    public async Task Bad_state_parameters_are_a_400(string query, string field)
    {
        var (a, b) = await CreateRelationAsync();
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}{query}"), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("?from=2025-02-01&to=2025-01-01", "from")]
    [InlineData("?from=2000-01-01&to=2025-01-01&step=day", "to")]
    [InlineData("?step=year", "step")]
    [InlineData("?from=2025-13-01", "from")]
    public async Task Bad_series_parameters_are_a_400(string query, string field)
    {
        var (a, b) = await CreateRelationAsync();
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/score{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Reading_an_unknown_actor_is_a_404_and_an_unknown_development_too()
    {
        var (a, b) = await CreateRelationAsync();
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{NewActorId()}"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/developments/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/developments/nope"), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task The_timeline_pages_in_its_order_with_a_next_link_and_the_pages_add_up_to_it()
    {
        var (a, b) = await CreateRelationAsync();
        for (var i = 1; i <= 5; i++) await RecordAsync(a, b, Development("Aid", $"2025-01-0{6 - i}", a));
        var whole = (await GetJsonAsync($"/api/relations/{a}/{b}/developments"))["developments"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();

        var seen = new List<string>();
        string? url = $"/api/relations/{a}/{b}/developments?limit=2";
        var pages = 0;
        while (url is not null)
        {
            var response = await Client.GetAsync(url);
            await ExpectStatusAsync(response, HttpStatusCode.OK);
            var page = await ReadJsonAsync(response);
            seen.AddRange(page["developments"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
            url = page["next"]?.GetValue<string>();
            Assert.Equal(url is not null, response.Headers.TryGetValues("Link", out var link) && link.Single().Contains("rel=\"next\""));
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(whole, seen);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("limit=two", "limit")]
    [InlineData("cursor=not*base64", "cursor")]
    [InlineData("cursor=aGVsbG8", "cursor")]
    public async Task A_bad_page_parameter_is_a_400_naming_it(string query, string field)
    {
        var (a, b) = await CreateRelationAsync();
        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/developments?{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_relation_list_pages_by_relation_id()
    {
        await CreateRelationAsync();
        var first = await GetJsonAsync("/api/relations?limit=1");
        Assert.Single(first["relations"]!.AsArray().Where(_ => true).Take(1));
        var next = first["next"]?.GetValue<string>();
        Assert.NotNull(next);
        var second = await GetJsonAsync(next!);
        Assert.True(string.CompareOrdinal(second["relations"]![0]?["relation"]?.GetValue<string>() ?? "~", first["relations"]![0]?["relation"]?.GetValue<string>() ?? "") > 0
                    || second["relations"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task An_actors_view_lists_every_relation_it_is_in_and_no_other()
    {
        var (a, b) = await CreateRelationAsync();
        var c = await CreateActorAsync(NewActorId("CCC"));
        await RecordAsync(a, b, Development("Consultation", "2025-01-01", a));
        await RecordAsync(b, c, Development("OfficialVisit", "2025-02-01", c));

        var ofB = await GetJsonAsync($"/api/relations?actor={b}&asOf=2025-12-31");

        Assert.Equal([$"{a}~{b}", $"{b}~{c}"], ofB["relations"]!.AsArray().Select(r => r!["relation"]!.GetValue<string>()));
        Assert.Equal([$"{a}~{b}"], (await GetJsonAsync($"/api/relations?actor={a}"))["relations"]!.AsArray().Select(r => r!["relation"]!.GetValue<string>()));
        await ExpectProblemAsync(await Client.GetAsync("/api/relations?actor=nobody"), HttpStatusCode.BadRequest, "actor");
    }

    [Fact]
    public async Task The_list_answers_each_relation_as_it_is_at_its_version_and_at_the_point_of_view_asked()
    {
        var (a, b) = await CreateRelationAsync();
        var first = await RecordAsync(a, b, Development("Aid", "2025-01-01", a));
        JsonNode Listed(JsonObject list) => list["relations"]!.AsArray().Single()!;
        var once = Listed(await GetJsonAsync($"/api/relations?actor={a}&asOf=2025-01-01"));
        Assert.Equal((27.3m, 1L), (once["score"]!.GetValue<decimal>(), once["version"]!.GetValue<long>()));

        // The same list again, then after a write: the new version is read, not the summary listed before.
        Assert.True(JsonNode.DeepEquals(once, Listed(await GetJsonAsync($"/api/relations?actor={a}&asOf=2025-01-01"))));
        await RecordAsync(a, b, Development("Aid", "2025-01-01", b));
        var twice = Listed(await GetJsonAsync($"/api/relations?actor={a}&asOf=2025-01-01"));
        Assert.Equal((50.8m, 2L), (twice["score"]!.GetValue<decimal>(), twice["version"]!.GetValue<long>()));

        // Another asOf, or knowledge from before the second write, is read for itself.
        var knownAt = Uri.EscapeDataString(first["recordedAt"]!.GetValue<string>());
        Assert.Equal(27.3m, Listed(await GetJsonAsync($"/api/relations?actor={a}&asOf=2025-01-01&knownAt={knownAt}"))["score"]!.GetValue<decimal>());
        var later = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-07-01");
        Assert.Equal(later["score"]!.GetValue<decimal>(), Listed(await GetJsonAsync($"/api/relations?actor={a}&asOf=2025-07-01"))["score"]!.GetValue<decimal>());
        Assert.Equal(50.8m, Listed(await GetJsonAsync($"/api/relations?actor={a}&asOf=2025-01-01"))["score"]!.GetValue<decimal>());
    }
}
