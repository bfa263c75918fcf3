using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>GET /api/catalogue: the development types a write takes, as scoring.md's catalogue (version 2) lists them.</summary>
public class CatalogueTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task The_catalogue_lists_every_type_with_its_code_description_weight_and_what_it_needs()
    {
        var entries = await GetJsonArrayAsync("/api/catalogue");

        Assert.Equal(36, entries.Count);
        var visit = entries.Single(e => e!["type"]!.GetValue<string>() == "OfficialVisit")!;
        Assert.Equal("042", visit["cameo"]!.GetValue<string>());
        Assert.Equal("Make a visit", visit["description"]!.GetValue<string>());
        Assert.Equal(1.9, visit["weight"]!.GetValue<double>());
        Assert.Equal("nothing more", visit["needs"]!.GetValue<string>());
        Assert.Equal("agreement", entries.Single(e => e!["type"]!.GetValue<string>() == "AgreementRejected")!["needs"]!.GetValue<string>());
        Assert.Equal("mission", entries.Single(e => e!["type"]!.GetValue<string>() == "MissionOpened")!["needs"]!.GetValue<string>());
        Assert.Equal(-10.0, entries.Single(e => e!["type"]!.GetValue<string>() == "MassViolence")!["weight"]!.GetValue<double>());
    }
}
