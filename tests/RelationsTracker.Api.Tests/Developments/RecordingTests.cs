using System.Net;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Developments;

namespace RelationsTracker.Api.Tests;

public class RecordingTests(TrackerApp app) : TrackerTest(app)
{
    public static TheoryData<string> AllTypes() => new(Catalogue.Entries.Select(e => e.Type.ToString()));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public async Task Every_type_is_recorded_with_201_and_reads_back_identically(string type)
    {
        var (a, b) = await CreateRelationAsync();
        var shape = Catalogue.Of(Enum.Parse<DevelopmentType>(type)).Shape;
        var body = new JsonObject
        {
            ["type"] = type,
            ["occurredOn"] = "2025-08",
            ["actor"] = b,
            ["summary"] = "استقبل خليفة حفتر رئيس جهاز المخابرات التركي إبراهيم قالن — Kınalıada, İlkay Altındağ 🚢",
            ["significance"] = "high",
            ["sources"] = new JsonArray(
                new JsonObject { ["url"] = "https://example.org/a?x=1&y=2", ["publisher"] = "Example", ["publishedOn"] = "2025-08-26", ["language"] = "ar" },
                new JsonObject { ["citation"] = "«تقارب جديد بين حفتر وتركيا» 001_36100a86710d4ed9.txt" }),
        };
        if (shape == DevelopmentShape.Agreement)
        {
            body["agreement"] = "maritime-mou-2019";
            body["title"] = "مذكرة التفاهم البحرية";
        }
        if (shape == DevelopmentShape.Mission)
            body["mission"] = new JsonObject { ["owner"] = a, ["kind"] = "consulate", ["city"] = "بنغازي" };

        var response = await PostJsonAsync($"/api/relations/{b}/{a}/developments", body);
        await ExpectStatusAsync(response, HttpStatusCode.Created);
        var created = (await ReadJsonAsync(response)).AsObject();
        var id = created["id"]!.GetValue<string>();
        Assert.Equal($"{a}~{b}", created["relation"]!.GetValue<string>());
        Assert.Equal(1, created["version"]!.GetValue<long>());
        Assert.Equal($"/api/relations/{a}/{b}/developments/{id}", response.Headers.Location?.OriginalString);

        var read = await GetJsonAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(type, read["type"]!.GetValue<string>());
        Assert.Equal(Catalogue.Of(Enum.Parse<DevelopmentType>(type)).Cameo, read["cameo"]!.GetValue<string>());
        Assert.Equal("2025-08", read["occurredOn"]!.GetValue<string>());
        Assert.Equal(b, read["actor"]!.GetValue<string>());
        Assert.Equal(body["summary"]!.GetValue<string>(), read["summary"]!.GetValue<string>());
        Assert.Equal("high", read["significance"]!.GetValue<string>());
        Assert.Equal("recorded", read["status"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Normalized(body["sources"]!), Normalized(read["sources"]!)), read["sources"]!.ToJsonString());
        if (shape == DevelopmentShape.Agreement)
        {
            Assert.Equal("maritime-mou-2019", read["agreement"]!.GetValue<string>());
            Assert.Equal("مذكرة التفاهم البحرية", read["title"]!.GetValue<string>());
        }
        if (shape == DevelopmentShape.Mission)
            Assert.True(JsonNode.DeepEquals(body["mission"], read["mission"]));
    }

    /// <summary>Sources read back with every field present (absent ones as null).</summary>
    private static JsonNode Normalized(JsonNode sources) => new JsonArray(sources.AsArray().Select(s => (JsonNode)new JsonObject(
        new[] { "url", "citation", "publisher", "publishedOn", "language" }
            .Select(k => KeyValuePair.Create(k, s![k]?.DeepClone())))).ToArray());

    [Fact]
    public async Task RecordedAt_passed_back_as_knownAt_includes_the_development_and_a_microsecond_earlier_does_not()
    {
        var (a, b) = await CreateRelationAsync();
        var created = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", a));
        var recordedAt = DateTimeOffset.Parse(created["recordedAt"]!.GetValue<string>());

        var at = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-09-01&knownAt={Uri.EscapeDataString(recordedAt.ToString("O"))}");
        Assert.Equal(1, at["developmentCount"]!.GetValue<int>());

        var before = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-09-01&knownAt={Uri.EscapeDataString(recordedAt.AddTicks(-10).ToString("O"))}");
        Assert.Equal(0, before["developmentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Precision_is_given_back_in_the_form_it_was_given()
    {
        var (a, b) = await CreateRelationAsync();
        foreach (var date in new[] { "2019", "2019-12", "2019-12-31" })
        {
            var created = await RecordAsync(a, b, Development("Statement", date, a));
            var read = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{created["id"]}");
            Assert.Equal(date, read["occurredOn"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Versions_count_up_per_relation_and_reads_answer_the_version_in_ETag()
    {
        var (a, b) = await CreateRelationAsync();
        for (var i = 1; i <= 3; i++)
        {
            var created = await RecordAsync(a, b, Development("Consultation", "2024-01-0" + i, a));
            Assert.Equal(i, created["version"]!.GetValue<long>());
        }
        var response = await Client.GetAsync($"/api/relations/{a}/{b}");
        Assert.Equal("\"3\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task An_agreement_needs_its_title_only_the_first_time()
    {
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();
        var untitled = await PostJsonAsync($"/api/relations/{a}/{b}/developments", Development("AgreementSigned", "2019-11-27", a, agreement: "maritime-mou-2019"));
        await ExpectProblemAsync(untitled, HttpStatusCode.BadRequest, "title");
        Assert.Equal(before, await App.EventCountAsync());

        await RecordAsync(a, b, Development("AgreementSigned", "2019-11-27", a, agreement: "maritime-mou-2019", title: "The memorandum"));
        await RecordAsync(a, b, Development("AgreementRejected", "2019-12", b, agreement: "maritime-mou-2019"));

        var state = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2020-01-01");
        var agreement = Assert.Single(state["agreements"]!.AsArray())!;
        Assert.Equal("The memorandum", agreement["title"]!.GetValue<string>());
        Assert.Equal("rejected", agreement["status"]!.GetValue<string>());
        Assert.Equal("2019-12", agreement["since"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_exact_CAMEO_code_is_recorded_read_back_with_its_description_and_sets_the_weight()
    {
        var (a, b) = await CreateRelationAsync();
        var body = new Dictionary<string, object?>
        {
            ["type"] = "Consultation", ["occurredOn"] = "2025-04-04", ["actor"] = a, ["summary"] = "Hosted a visit",
            ["sources"] = new[] { new { url = "https://example.org/x" } }, ["cameo"] = "043",
        };
        var created = await RecordAsync(a, b, body);
        var read = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{created["id"]}?asOf=2025-04-04");
        Assert.Equal("043", read["cameo"]!.GetValue<string>());
        Assert.Equal("Host a visit", read["cameoDescription"]!.GetValue<string>());
        Assert.Equal(2.8, read["weight"]!.GetValue<double>());
        Assert.Equal(2.8m, read["contribution"]!.GetValue<decimal>());

        var corrected = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{created["id"]}/correction", new { reason = "It was a phone call", cameo = "041" });
        await ExpectStatusAsync(corrected, HttpStatusCode.Created);
        read = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{created["id"]}?asOf=2025-04-04");
        Assert.Equal("041", read["cameo"]!.GetValue<string>());
        Assert.Equal(CameoScaleValue("041"), read["weight"]!.GetValue<double>());

        var wrongRoot = await PostJsonAsync($"/api/relations/{a}/{b}/developments/{created["id"]}/correction", new { reason = "r", type = "Aid" });
        await ExpectProblemAsync(wrongRoot, HttpStatusCode.BadRequest, "cameo");
    }

    private static double CameoScaleValue(string code) => RelationsTracker.Developments.CameoScale.Codes[code].Value;
}
