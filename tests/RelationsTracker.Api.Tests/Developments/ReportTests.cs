using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>POST .../developments/{id}/reports (api.md 1.1): another source confirms or disputes a development.</summary>
public class ReportTests(TrackerApp app) : TrackerTest(app)
{
    private const string Quote = "أجرت الفرقاطة التركية تدريبات مع القوات البحرية في بنغازي";

    [Fact]
    public async Task A_report_is_recorded_and_the_development_lists_it_with_its_stance_quote_and_corroboration()
    {
        var (a, b) = await CreateRelationAsync();
        var drill = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a));
        var url = $"/api/relations/{a}/{b}/developments/{drill["id"]}";

        var response = await PostJsonAsync($"{url}/reports", new
        {
            stance = "confirms",
            source = new { url = "https://www.msb.gov.tr/news/1", publisher = "Turkish Ministry of National Defence", language = "tr" },
            quote = Quote,
            translation = "The Turkish frigate held exercises with the naval forces in Benghazi",
        });

        await ExpectStatusAsync(response, HttpStatusCode.Created);
        var answer = (await ReadJsonAsync(response)).AsObject();
        Assert.Equal(drill["id"]!.ToString(), answer["developmentId"]!.ToString());
        Assert.NotEqual(drill["id"]!.ToString(), answer["id"]!.ToString());
        var development = await GetJsonAsync(url);
        var report = Assert.Single(development["reports"]!.AsArray())!;
        Assert.Equal(answer["id"]!.ToString(), report["id"]!.ToString());
        Assert.Equal("confirms", report["stance"]!.GetValue<string>());
        Assert.Equal(Quote, report["quote"]!.GetValue<string>());
        Assert.Equal("Turkish Ministry of National Defence", report["source"]!["publisher"]!.GetValue<string>());
        // Its own source (Example News) and the ministry: two keys, so c = 1 + 0.25 = 1.25.
        Assert.Equal(2, development["k"]!.GetValue<int>());
        Assert.Equal(0, development["d"]!.GetValue<int>());
        Assert.Equal(1.25m, development["c"]!.GetValue<decimal>());
        // Before it was recorded, the development had no report.
        var before = await GetJsonAsync($"{url}?knownAt={Uri.EscapeDataString(drill["recordedAt"]!.GetValue<DateTime>().ToString("O"))}");
        Assert.Empty(before["reports"]!.AsArray());
        Assert.Equal(1, before["k"]!.GetValue<int>());

        // A dispute from another key takes half.
        await ExpectStatusAsync(await PostJsonAsync($"{url}/reports", new { stance = "disputes", source = new { citation = "Libyan navy spokesman, radio interview" } }), HttpStatusCode.Created);
        var disputed = await GetJsonAsync(url);
        Assert.Equal((2, 1, 0.75m), (disputed["k"]!.GetValue<int>(), disputed["d"]!.GetValue<int>(), disputed["c"]!.GetValue<decimal>()));
        // Under plain weighting a report changes no score; the revisions list it.
        var revisions = await GetJsonAsync($"/api/relations/{a}/{b}/revisions?asOf=2025-09-01");
        var reported = revisions["revisions"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "reported").ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, r => Assert.Equal(0m, r!["change"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task The_same_report_under_the_same_idempotency_key_is_recorded_once()
    {
        var (a, b) = await CreateRelationAsync();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b));
        var url = $"/api/relations/{a}/{b}/developments/{visit["id"]}";
        var body = new { stance = "confirms", source = new { publisher = "Anadolu", citation = "Anadolu Agency wire, 5 April 2025" } };
        var key = Guid.NewGuid().ToString();

        var first = await PostJsonAsync($"{url}/reports", body, ("Idempotency-Key", key));
        var again = await PostJsonAsync($"{url}/reports", body, ("Idempotency-Key", key));

        await ExpectStatusAsync(first, HttpStatusCode.Created);
        await ExpectStatusAsync(again, HttpStatusCode.Created);
        Assert.Equal((await ReadJsonAsync(first))["id"]!.ToString(), (await ReadJsonAsync(again))["id"]!.ToString());
        Assert.Single((await GetJsonAsync(url))["reports"]!.AsArray());
    }

    [Theory]
    [InlineData("""{ "stance": "agrees", "source": { "citation": "A" } }""", "stance")]
    [InlineData("""{ "stance": "confirms" }""", "source")]
    [InlineData("""{ "stance": "confirms", "source": {} }""", "source")]
    [InlineData("""{ "stance": "confirms", "source": { "url": "not a url" } }""", "source.url")]
    [InlineData("""{ "stance": "confirms", "source": { "citation": "A" }, "quote": "" }""", "quote")]
    [InlineData("""{ "stance": "confirms", "source": { "citation": "A" }, "rating": 5 }""", "rating")]
    public async Task A_bad_report_is_a_400_naming_the_field_and_records_nothing(string body, string field)
    {
        var (a, b) = await CreateRelationAsync();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b));
        var url = $"/api/relations/{a}/{b}/developments/{visit["id"]}";

        await ExpectProblemAsync(await PostRawAsync($"{url}/reports", body), HttpStatusCode.BadRequest, field);

        Assert.Empty((await GetJsonAsync(url))["reports"]!.AsArray());
    }

    [Fact]
    public async Task A_report_on_a_retracted_development_is_a_409_and_on_an_unknown_one_a_404()
    {
        var (a, b) = await CreateRelationAsync();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", b));
        var url = $"/api/relations/{a}/{b}/developments/{visit["id"]}";
        await ExpectStatusAsync(await PostJsonAsync($"{url}/retraction", new { reason = "Did not happen" }), HttpStatusCode.Created);
        var body = new { stance = "confirms", source = new { citation = "A report" } };

        await ExpectProblemAsync(await PostJsonAsync($"{url}/reports", body), HttpStatusCode.Conflict);
        await ExpectProblemAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{Guid.NewGuid()}/reports", body), HttpStatusCode.NotFound);
    }
}
