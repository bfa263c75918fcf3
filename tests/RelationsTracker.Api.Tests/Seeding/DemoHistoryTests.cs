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

    [Fact]
    public async Task The_demo_adds_the_confirming_reports_of_FACTS_so_developments_7_10_11_and_14_have_two_keys()
    {
        await NewDemoHistory().StartAsync(CancellationToken.None);
        await NewDemoHistory().StartAsync(CancellationToken.None);

        var developments = (await GetJsonAsync("/api/relations/LBY-EAST/TUR/developments"))["developments"]!.AsArray();
        // FACTS.md, "Reports": 10 (the warship's call), 11 (the exercise) and 14 (pressure to ratify) gain a confirming
        // report each; 7 cites both articles already. Every other development has one key.
        string[] twoKeys = ["2025-04-04 OfficialVisit", "2025-08-24 MilitaryCooperation", "2025-08-25 MilitaryCooperation", "2025 Appeal"];
        foreach (var d in developments)
        {
            var name = $"{d!["occurredOn"]} {d["type"]}";
            Assert.Equal(twoKeys.Contains(name) ? (2, 1.25m) : (1, 1m), (d["k"]!.GetValue<int>(), d["c"]!.GetValue<decimal>()));
        }
        var reports = developments.SelectMany(d => d!["reports"]!.AsArray()).ToList();
        Assert.Equal(3, reports.Count);
        Assert.Equal(["Embassy of Türkiye in Libya", "Kathimerini", "Ministry of National Defence of Türkiye"],
            reports.Select(r => r!["source"]!["publisher"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(reports, r =>
        {
            Assert.Equal("confirms", r!["stance"]!.GetValue<string>());
            Assert.Equal("ar", r["source"]!["language"]!.GetValue<string>());
            Assert.Contains(r["quote"]!.GetValue<string>(), c => c is >= '\u0600' and <= '\u06FF');
        });
        Assert.StartsWith("نشرت وزارة الدفاع التركية بيانا",
            reports.Single(r => r!["source"]!["publisher"]!.GetValue<string>() == "Ministry of National Defence of Türkiye")!["quote"]!.GetValue<string>());
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
