using System.Net;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>GET .../revisions: what changed in the record between two instants, and what each change did to the score at asOf.</summary>
public class RevisionsTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task Each_record_correction_and_retraction_is_listed_in_recorded_order_with_the_score_before_and_with_it()
    {
        var (a, b) = await CreateRelationAsync();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b, "high"));
        var drill = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a));
        var corrected = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{visit["id"]}/correction", new { reason = "It was talks", type = "Negotiation" });
        await ExpectStatusAsync(corrected, HttpStatusCode.Created);
        var retracted = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{drill["id"]}/retraction", new { reason = "No drill took place" });
        await ExpectStatusAsync(retracted, HttpStatusCode.Created);

        var answer = await GetJsonAsync($"/api/relations/{a}/{b}/revisions?asOf=2025-09-01");
        var revisions = answer["revisions"]!.AsArray();

        Assert.Equal(["recorded", "recorded", "corrected", "retracted"], revisions.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal([visit["id"]!.ToString(), drill["id"]!.ToString(), visit["id"]!.ToString(), drill["id"]!.ToString()],
            revisions.Select(r => r!["developmentId"]!.ToString()));
        Assert.Equal("Negotiation", revisions[2]!["type"]!.GetValue<string>());
        Assert.Equal("It was talks", revisions[2]!["reason"]!.GetValue<string>());
        Assert.Equal("MilitaryCooperation", revisions[3]!["type"]!.GetValue<string>());
        Assert.Equal(0m, revisions[0]!["before"]!["score"]!.GetValue<decimal>());
        // Each one's before is the one before's after, and each after is the state read at that instant.
        for (var i = 0; i < revisions.Count; i++)
        {
            var r = revisions[i]!;
            if (i > 0) Assert.Equal(revisions[i - 1]!["after"]!.ToJsonString(), r["before"]!.ToJsonString());
            var knownAt = Uri.EscapeDataString(r["recordedAt"]!.GetValue<DateTime>().ToString("O"));
            var state = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-09-01&knownAt={knownAt}");
            Assert.Equal(state["score"]!.GetValue<decimal>(), r["after"]!["score"]!.GetValue<decimal>());
            Assert.Equal(state["phase"]!.GetValue<string>(), r["after"]!["phase"]!.GetValue<string>());
            Assert.Equal(r["after"]!["score"]!.GetValue<decimal>() - r["before"]!["score"]!.GetValue<decimal>(), r["change"]!.GetValue<decimal>());
        }
        Assert.True(revisions[3]!["change"]!.GetValue<decimal>() < 0); // the drill warmed; retracting it cools
    }

    [Fact]
    public async Task Since_and_until_bound_the_recorded_time_and_pages_follow_with_next()
    {
        var (a, b) = await CreateRelationAsync();
        var first = await RecordAsync(a, b, Development("Statement", "2025-01-01", a));
        var second = await RecordAsync(a, b, Development("Consultation", "2025-02-01", a));
        await RecordAsync(a, b, Development("OfficialVisit", "2025-03-01", b));
        string At(JsonObject recorded) => Uri.EscapeDataString(recorded["recordedAt"]!.GetValue<DateTime>().ToString("O"));

        var between = await GetJsonAsync($"/api/relations/{a}/{b}/revisions?since={At(first)}&until={At(second)}");
        Assert.Equal([second["id"]!.ToString()], between["revisions"]!.AsArray().Select(r => r!["developmentId"]!.ToString()));

        var page = await Client.GetAsync($"/api/relations/{a}/{b}/revisions?limit=2");
        await ExpectStatusAsync(page, HttpStatusCode.OK);
        var firstPage = (await ReadJsonAsync(page)).AsObject();
        Assert.Equal(2, firstPage["revisions"]!.AsArray().Count);
        var rest = await GetJsonAsync(firstPage["next"]!.GetValue<string>());
        Assert.Single(rest["revisions"]!.AsArray());
        Assert.Null(rest["next"]);
    }

    [Theory]
    [InlineData("since=2025-09-02T00:00:00Z&until=2025-09-01T00:00:00Z", "since")]
    [InlineData("since=yesterday", "since")]
    [InlineData("limit=1001", "limit")]
    [InlineData("asOf=2025-02-30", "asOf")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string field)
    {
        var (a, b) = await CreateRelationAsync();

        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/revisions?{query}"), HttpStatusCode.BadRequest, field);
    }
}
