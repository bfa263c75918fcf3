using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>Starting from a relation with one high-significance official visit on 2025-04-04.</summary>
public class RetractionAndCorrectionTests(TrackerApp app) : TrackerTest(app)
{
    private async Task<(string A, string B, string Id, DateTimeOffset RecordedAt)> RelationWithAVisitAsync()
    {
        var (a, b) = await CreateRelationAsync();
        var created = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", a, "high"));
        return (a, b, created["id"]!.GetValue<string>(), DateTimeOffset.Parse(created["recordedAt"]!.GetValue<string>()));
    }

    private static string At(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O"));

    [Fact]
    public async Task A_retraction_stops_counting_from_its_recorded_time_and_history_keeps_both()
    {
        var (a, b, id, recordedAt) = await RelationWithAVisitAsync();

        var response = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/retraction",
            new { reason = "The visit was a private trip", sources = new[] { new { citation = "Correction notice" } } });
        await ExpectStatusAsync(response, HttpStatusCode.Created);
        var retractedAt = DateTimeOffset.Parse((await ReadJsonAsync(response))["recordedAt"]!.GetValue<string>());
        Assert.True(retractedAt > recordedAt);

        var now = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-04-04");
        Assert.Equal(0, now["developmentCount"]!.GetValue<int>());
        Assert.Equal(0m, now["score"]!.GetValue<decimal>());

        var before = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-04-04&knownAt={At(retractedAt.AddTicks(-10))}");
        Assert.Equal(1, before["developmentCount"]!.GetValue<int>());
        Assert.Equal(2.85m, before["raw"]!.GetValue<decimal>());

        var read = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{id}");
        Assert.Equal("retracted", read["status"]!.GetValue<string>());
        Assert.Equal(0m, read["contribution"]!.GetValue<decimal>());
        Assert.Equal("The visit was a private trip", read["retraction"]!["reason"]!.GetValue<string>());

        var timeline = await GetJsonAsync($"/api/relations/{a}/{b}/developments");
        Assert.Equal("retracted", timeline["developments"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_retraction_is_a_409_and_records_nothing()
    {
        var (a, b, id, _) = await RelationWithAVisitAsync();
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/retraction", new { reason = "wrong" }), HttpStatusCode.Created);
        var before = await App.EventCountAsync();

        var again = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/retraction", new { reason = "still wrong" });

        await ExpectProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task Of_concurrent_retractions_of_one_development_exactly_one_is_recorded()
    {
        var (a, b, id, _) = await RelationWithAVisitAsync();
        var before = await App.EventCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/retraction", new { reason = $"reason {i}" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(before + 1, await App.EventCountAsync());
    }

    [Fact]
    public async Task A_correction_applies_from_its_recorded_time_the_latest_of_each_field_winning()
    {
        var (a, b, id, _) = await RelationWithAVisitAsync();

        var first = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/correction",
            new { reason = "It was a consultation", type = "Consultation", significance = "low" });
        await ExpectStatusAsync(first, HttpStatusCode.Created);
        var firstAt = DateTimeOffset.Parse((await ReadJsonAsync(first))["recordedAt"]!.GetValue<string>());
        var second = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/correction",
            new { reason = "Date and weight confirmed", occurredOn = "2025-04", significance = "normal" });
        await ExpectStatusAsync(second, HttpStatusCode.Created);
        var secondAt = DateTimeOffset.Parse((await ReadJsonAsync(second))["recordedAt"]!.GetValue<string>());

        var original = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{id}?knownAt={At(firstAt.AddTicks(-10))}");
        Assert.Equal("OfficialVisit", original["type"]!.GetValue<string>());
        Assert.Equal("recorded", original["status"]!.GetValue<string>());

        var afterFirst = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{id}?knownAt={At(firstAt)}");
        Assert.Equal("Consultation", afterFirst["type"]!.GetValue<string>());
        Assert.Equal("low", afterFirst["significance"]!.GetValue<string>());
        Assert.Equal("2025-04-04", afterFirst["occurredOn"]!.GetValue<string>());

        var latest = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{id}?knownAt={At(secondAt)}");
        Assert.Equal("Consultation", latest["type"]!.GetValue<string>());
        Assert.Equal("normal", latest["significance"]!.GetValue<string>());
        Assert.Equal("2025-04", latest["occurredOn"]!.GetValue<string>());
        Assert.Equal("corrected", latest["status"]!.GetValue<string>());
        Assert.Equal(2, latest["corrections"]!.AsArray().Count);
        Assert.Equal("OfficialVisit", latest["asRecorded"]!["type"]!.GetValue<string>());

        // Consultation (w 1.0), normal, effective 2025-04-01: raw on that day is 1.0; the visit no longer counts as a visit.
        var state = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-04-01");
        Assert.Equal(1.0m, state["raw"]!.GetValue<decimal>());
        Assert.Equal(0, state["visitsLast365Days"]!.GetValue<int>());
        Assert.Equal("2025-04", state["lastContact"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"Consultation"}""", "reason")]
    [InlineData("""{"reason":"nothing"}""", "body")]
    [InlineData("""{"reason":"x","type":"AgreementSigned"}""", "type")]
    [InlineData("""{"reason":"x","type":"Chat"}""", "type")]
    [InlineData("""{"reason":"x","occurredOn":"2025-02-29"}""", "occurredOn")]
    [InlineData("""{"reason":"x","occurredOn":"2999"}""", "occurredOn")]
    [InlineData("""{"reason":"x","significance":"huge"}""", "significance")]
    [InlineData("""{"reason":"x","summary":""}""", "summary")]
    [InlineData("""{"reason":"x","actor":"TUR"}""", "actor")]
    public async Task A_bad_correction_is_a_400_and_records_nothing(string body, string field)
    {
        var (a, b, id, _) = await RelationWithAVisitAsync();
        var before = await App.EventCountAsync();
        var response = await PostRawAsync($"/api/relations/{a}/{b}/developments/{id}/correction", body);
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Theory]
    [InlineData("""{}""", "reason")]
    [InlineData("""{"reason":""}""", "reason")]
    [InlineData("""{"reason":"x","sources":[{"url":"javascript:alert(1)"}]}""", "sources[0].url")]
    [InlineData("""{"reason":"x","why":"y"}""", "why")]
    public async Task A_bad_retraction_is_a_400_and_records_nothing(string body, string field)
    {
        var (a, b, id, _) = await RelationWithAVisitAsync();
        var before = await App.EventCountAsync();
        var response = await PostRawAsync($"/api/relations/{a}/{b}/developments/{id}/retraction", body);
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task Retracting_or_correcting_an_unknown_or_foreign_development_is_a_404_or_400()
    {
        var (a, b, id, _) = await RelationWithAVisitAsync();
        var (c, d) = await CreateRelationAsync();
        var before = await App.EventCountAsync();

        await ExpectProblemAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{Guid.NewGuid()}/retraction", new { reason = "x" }), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await PostJsonAsync($"/api/relations/{c}/{d}/developments/{id}/correction", new { reason = "x", summary = "y" }), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/not-a-uuid/retraction", new { reason = "x" }), HttpStatusCode.BadRequest, "id");
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task A_retracted_development_cannot_be_corrected()
    {
        var (a, b, id, _) = await RelationWithAVisitAsync();
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/retraction", new { reason = "x" }), HttpStatusCode.Created);
        var before = await App.EventCountAsync();
        await ExpectProblemAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{id}/correction", new { reason = "x", summary = "y" }), HttpStatusCode.Conflict);
        Assert.Equal(before, await App.EventCountAsync());
    }
}
