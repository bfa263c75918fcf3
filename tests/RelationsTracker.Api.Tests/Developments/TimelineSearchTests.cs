using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>The timeline's filters (q, type, actor, significance, with from and to): what an analyst looks for.</summary>
public class TimelineSearchTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task The_timeline_finds_by_text_type_actor_and_significance_in_json_and_csv_alike()
    {
        var (a, b) = await CreateRelationAsync();
        var visit = (await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b, "high", summary: "Visit to Ankara")))["id"]!.ToString();
        var drill = (await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a, summary: "Port call and drill at Benghazi")))["id"]!.ToString();
        var talks = (await RecordAsync(a, b, Development("Consultation", "2025-09", a, "low", summary: "Talks on the maritime memorandum")))["id"]!.ToString();

        async Task<string[]> Found(string query) =>
            [.. (await GetJsonAsync($"/api/relations/{a}/{b}/developments?{query}"))["developments"]!.AsArray().Select(d => d!["id"]!.ToString())];

        Assert.Equal([drill], await Found("q=BENGHAZI"));
        Assert.Equal([visit, drill, talks], await Found("q=example news")); // every source's publisher
        Assert.Equal([visit, talks], await Found("type=OfficialVisit,Consultation"));
        Assert.Equal([drill, talks], await Found($"actor={a}"));
        Assert.Equal([visit, talks], await Found("significance=high,low"));
        Assert.Equal([talks], await Found($"actor={a}&significance=low&from=2025-09-01"));
        Assert.Empty(await Found("q=nothing like it"));

        var csv = await (await Client.GetAsync($"/api/relations/{a}/{b}/developments.csv?type=MilitaryCooperation")).Content.ReadAsStringAsync();
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith(drill + ",", rows[1]);
    }

    [Theory]
    [InlineData("type=Visit", "type", "'Visit' is not a development type of the catalogue (docs/scoring.md), such as OfficialVisit")]
    [InlineData("type=OfficialVisit,Picnic", "type", "'Picnic' is not a development type of the catalogue (docs/scoring.md), such as OfficialVisit")]
    [InlineData("actor=turkey", "actor", "'turkey' is not an actor id: three capital letters, optionally '-' and 1 to 16 capitals or digits (TUR, LBY-EAST)")]
    [InlineData("significance=urgent", "significance", "'urgent' is not low, normal or high (or several, comma separated)")]
    public async Task A_filter_that_names_nothing_known_is_a_400_naming_it(string query, string field, string message)
    {
        var (a, b) = await CreateRelationAsync();

        var problem = await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/developments?{query}"), HttpStatusCode.BadRequest, field);

        Assert.Equal(message, problem["errors"]![field]![0]!.GetValue<string>());
    }
}
