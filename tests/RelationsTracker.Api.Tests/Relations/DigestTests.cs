using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>GET .../digest?month=: a relation's month as a briefing (api.md 1.1).</summary>
public class DigestTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task A_month_lists_its_developments_and_reads_the_relation_before_and_after_it_as_the_state_does()
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b, "high"));
        var drill = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a, summary: "Port call and drill"));
        var statement = await RecordAsync(a, b, Development("Statement", "2025-08-10", a));

        var digest = await GetJsonAsync($"/api/relations/{a}/{b}/digest?month=2025-08");

        Assert.Equal("2025-08", digest["month"]!.GetValue<string>());
        Assert.Equal([statement["id"]!.ToString(), drill["id"]!.ToString()], digest["developments"]!.AsArray().Select(d => d!["id"]!.ToString()));
        Assert.Equal("https://example.org/report", digest["developments"]![1]!["sources"]![0]!["url"]!.GetValue<string>());
        var before = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-07-31");
        var after = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-08-31");
        Assert.Equal("2025-07-31", digest["start"]!["date"]!.GetValue<string>());
        Assert.Equal(before["score"]!.GetValue<decimal>(), digest["start"]!["score"]!.GetValue<decimal>());
        Assert.Equal(before["phase"]!.GetValue<string>(), digest["start"]!["phase"]!.GetValue<string>());
        Assert.Equal("2025-08-31", digest["end"]!["date"]!.GetValue<string>());
        Assert.Equal(after["score"]!.GetValue<decimal>(), digest["end"]!["score"]!.GetValue<decimal>());
        var change = after["score"]!.GetValue<decimal>() - before["score"]!.GetValue<decimal>();
        Assert.Equal(change, digest["change"]!.GetValue<decimal>());
        Assert.True(change >= 5); // a drill of weight 7.4 a week before the month's end
        Assert.Equal("improved", digest["verdict"]!.GetValue<string>());
        // The month's own developments by contribution at its end: the drill, then the statement (weight 0).
        Assert.Equal([drill["id"]!.ToString(), statement["id"]!.ToString()], digest["topContributors"]!.AsArray().Select(c => c!["id"]!.ToString()));
    }

    [Fact]
    public async Task A_quiet_month_after_a_warm_one_has_no_development_and_may_deteriorate_as_the_score_decays()
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a, "high"));

        var quiet = await GetJsonAsync($"/api/relations/{a}/{b}/digest?month=2025-09&halfLifeDays=30");

        Assert.Empty(quiet["developments"]!.AsArray());
        Assert.Empty(quiet["topContributors"]!.AsArray());
        Assert.True(quiet["change"]!.GetValue<decimal>() <= -5, quiet.ToJsonString());
        Assert.Equal("deteriorated", quiet["verdict"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("month=2025-13", "month")]
    [InlineData("month=2025-8", "month")]
    [InlineData("month=0999-01", "month")]
    [InlineData("halfLifeDays=0", "halfLifeDays")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string field)
    {
        var (a, b) = await CreateRelationAsync();

        await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}/digest?{query}"), HttpStatusCode.BadRequest, field);
    }
}
