using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Seeding;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>The demo history is exactly FACTS.md's coding table, and loading it twice records it once.</summary>
public class DemoHistoryTests(TrackerApp app) : TrackerTest(app)
{
    // FACTS.md, "How the tracker records them": relation, type, occurredOn, actor, significance.
    private static readonly (string Relation, string Type, string OccurredOn, string Actor, string Significance)[] Coding =
    [
        ("LBY-WEST~TUR", "AgreementSigned", "2019-11-27", "TUR", "high"),
        ("LBY-EAST~TUR", "AgreementRejected", "2019-12", "LBY-EAST", "high"),
        ("LBY-EAST~TUR", "Accusation", "2019-12", "LBY-EAST", "normal"),
        ("LBY-WEST~TUR", "MilitaryCooperation", "2020", "TUR", "high"),
        ("LBY-EAST~TUR", "Accusation", "2020", "LBY-EAST", "high"),
        ("LBY-EAST~TUR", "EconomicCooperation", "2024", "LBY-EAST", "normal"),
        ("LBY-EAST~TUR", "OfficialVisit", "2024-10", "LBY-EAST", "normal"),
        ("LBY-EAST~TUR", "OfficialVisit", "2025-04-04", "LBY-EAST", "high"),
        ("LBY-EAST~TUR", "MissionOpened", "2025", "TUR", "normal"),
        ("LBY-EAST~TUR", "EconomicCooperation", "2025", "TUR", "normal"),
        ("LBY-EAST~TUR", "MilitaryCooperation", "2025-08-24", "TUR", "high"),
        ("LBY-EAST~TUR", "MilitaryCooperation", "2025-08-25", "TUR", "normal"),
        ("LBY-EAST~TUR", "OfficialVisit", "2025-08-25", "TUR", "high"),
        ("LBY-EAST~TUR", "Endorsement", "2025-08", "TUR", "normal"),
        ("LBY-EAST~TUR", "Appeal", "2025", "TUR", "normal"),
    ];

    private DemoHistory NewDemoHistory() => new(
        App.Store, App.Services.GetRequiredService<RelationWriter>(), TimeProvider.System, NullLogger<DemoHistory>.Instance);

    [Fact]
    public async Task Loading_twice_records_exactly_the_FACTS_coding_once()
    {
        await NewDemoHistory().StartAsync(CancellationToken.None);
        var afterFirst = await App.EventCountAsync();
        await NewDemoHistory().StartAsync(CancellationToken.None);
        Assert.Equal(afterFirst, await App.EventCountAsync());

        var recorded = new List<(string, string, string, string, string)>();
        foreach (var relation in new[] { "LBY-EAST/TUR", "LBY-WEST/TUR" })
        {
            var timeline = await GetJsonAsync($"/api/relations/{relation}/developments");
            recorded.AddRange(timeline["developments"]!.AsArray().Select(d => (
                d!["relation"]!.GetValue<string>(), d["type"]!.GetValue<string>(), d["occurredOn"]!.GetValue<string>(),
                d["actor"]!.GetValue<string>(), d["significance"]!.GetValue<string>())));
        }
        Assert.Equal(Coding.OrderBy(x => x.ToString()), recorded.OrderBy(x => x.ToString()));

        var east = await GetJsonAsync("/api/relations/TUR/LBY-EAST?asOf=2025-09-01");
        Assert.Equal("maritime-mou-2019", east["agreements"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("rejected", east["agreements"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("open", east["missions"]![0]!["status"]!.GetValue<string>());
        var actors = await GetJsonAsync("/api/relations/LBY-WEST/GRC");
        Assert.Equal(0, actors["developmentCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("2020-06-30", "strained")]
    [InlineData("2025-08-31", "close")]
    public async Task The_demo_relation_tells_the_story(string asOf, string phase)
    {
        await NewDemoHistory().StartAsync(CancellationToken.None);
        var state = await GetJsonAsync($"/api/relations/TUR/LBY-EAST?asOf={asOf}");
        Assert.Equal(phase, state["phase"]!.GetValue<string>());
    }
}
