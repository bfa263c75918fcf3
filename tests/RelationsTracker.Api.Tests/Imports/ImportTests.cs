using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Developments;
using RelationsTracker.Importing;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Tests;

/// <summary>POST /api/imports and GET /api/imports/{id}: GDELT 2.0 events files and CSV rows (docs/import.md).</summary>
public class ImportTests(TrackerApp app) : TrackerTest(app)
{
    private static readonly string RealGdeltFile = Path.Combine(AppContext.BaseDirectory, "Data", "20161013151500.export.CSV");

    [Fact]
    public async Task The_real_GDELT_file_imports_the_rows_of_mapped_actors_and_reports_the_others_and_a_second_import_records_nothing()
    {
        // A database of its own: GDELT event ids name the developments, so this file can be imported once per database.
        string[] countries = ["TUR", "GRC", "IRQ", "SYR", "RUS", "SAU", "ISR"];
        var settings = countries.Select((c, i) => (c, i))
            .SelectMany(x => new[] { ($"Tracker:Imports:Actors:{x.i}:Country", x.c), ($"Tracker:Imports:Actors:{x.i}:Actor", x.c), ($"Tracker:Imports:Actors:{x.i}:Name", $"Country {x.c}") })
            .ToDictionary(x => x.Item1, x => x.Item2);
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: settings);
        var client = TrackerApp.ClientFor(host);
        Assert.False(await EventTableAnalyzedOnAsync(host));

        var first = await ImportAsync(client, await File.ReadAllBytesAsync(RealGdeltFile), "?format=gdelt");
        // A new database's first import gives the event table its statistics, rather than waiting for autovacuum.
        Assert.True(await EventTableAnalyzedOnAsync(host));

        // Worked out independently from the file (a script over its columns): of 3,566 rows, 40 have two
        // different mapped actors (every CAMEO root has a type since catalogue version 2); 3,507 an actor outside
        // the table or none, 19 the same actor twice. The 40 are 20 events as GDELT reports them: grouped by
        // relation, EventCode, SQLDATE and SOURCEURL, 20 rows repeat an earlier row's event.
        Assert.Equal("completed", first["status"]!.GetValue<string>());
        Assert.Equal(3566, first["rowsRead"]!.GetValue<long>());
        Assert.Equal(20, first["recorded"]!.GetValue<long>());
        Assert.Equal(20, first["repeats"]!.GetValue<long>());
        Assert.Equal(3526, first["rejected"]!.GetValue<long>());
        Assert.Equal(0, first["alreadyImported"]!.GetValue<long>());
        var rejections = first["rejections"]!.AsArray();
        Assert.Equal(ImportRunMaxKept, rejections.Count);
        Assert.True(first["rejectionsTruncated"]!.GetValue<bool>());
        Assert.Equal("Actor1 (none) has no country code, so the actor mapping cannot name it", Reason(rejections, 1));
        // Its CAMEO 110 is a Disapproval now; its actor is still unmapped.
        Assert.Equal("Actor1 HOUSE OF COMMONS (LEG) has no country code, so the actor mapping cannot name it", Reason(rejections, 26));
        Assert.Equal(19, first["rejectedByKind"]!["both actors the same"]!.GetValue<long>());
        Assert.False(first["rejectedByKind"]!.AsObject().ContainsKey("CAMEO code without a type"));

        // Mapped developments read back through the API: TURGOV threatens IRQGOV (130) on 2016-10-13, GDELT event 588607643.
        const string presstv = "http://www.presstv.com/Detail/2016/10/13/488897/Iraq-Turkey-Bashiqa--Prime-Minister-Haider-alAbad-Saad-alHadithi-Erdogan";
        var iraqTurkey = RelationId.Of("TUR", "IRQ");
        var threat = await GetJsonOnAsync(client, $"/api/relations/TUR/IRQ/developments/{ImportedDevelopment.IdOfGdeltEvent(iraqTurkey, "130", "20161013", presstv)}");
        Assert.Equal("Threat", threat["type"]!.GetValue<string>());
        Assert.Equal("130", threat["cameo"]!.GetValue<string>());
        // GDELT's evidence, kept with it: 6 mentions, 1 source, 6 articles, its tone and where it happened.
        var gdelt = Assert.Single(threat["gdelt"]!.AsArray())!;
        Assert.Equal("588607643", gdelt["globalEventId"]!.GetValue<string>());
        Assert.Equal(6, gdelt["numMentions"]!.GetValue<int>());
        Assert.Equal(1, gdelt["numSources"]!.GetValue<int>());
        Assert.Equal(6, gdelt["numArticles"]!.GetValue<int>());
        Assert.Equal(-4.12087912087912, gdelt["avgTone"]!.GetValue<double>(), 9);
        Assert.Equal("Baghdad, Baghdad, Iraq", gdelt["place"]!.GetValue<string>());
        Assert.Equal(33.3386, gdelt["latitude"]!.GetValue<double>(), 6);
        Assert.Equal("TUR", threat["actor"]!.GetValue<string>());
        Assert.Equal("2016-10-13", threat["occurredOn"]!.GetValue<string>());
        Assert.Equal("normal", threat["significance"]!.GetValue<string>());
        Assert.StartsWith("RECEP TAYYIP ERDOGAN → IRAQI: Threaten (CAMEO 130, GDELT event 588607643)", threat["summary"]!.GetValue<string>());
        var source = Assert.Single(threat["sources"]!.AsArray())!;
        Assert.Equal(presstv, source["url"]!.GetValue<string>());
        Assert.Equal("2016-10-13", source["publishedOn"]!.GetValue<string>());
        // 0256 (appeal for ...) counts as its root 02, Appeal. GDELT wrote it twice (588607630 and 588607631, the
        // same article): one development, whose sources and evidence list both events.
        var appeal = await GetJsonOnAsync(client, $"/api/relations/TUR/IRQ/developments/{ImportedDevelopment.IdOfGdeltEvent(iraqTurkey, "0256", "20161013", presstv)}");
        Assert.Equal("Appeal", appeal["type"]!.GetValue<string>());
        Assert.Equal(["588607630", "588607631"], appeal["gdelt"]!.AsArray().Select(e => e!["globalEventId"]!.GetValue<string>()));
        Assert.Equal(["GDELT 2.0 event 588607630", "GDELT 2.0 event 588607631"], appeal["sources"]!.AsArray().Select(e => e!["citation"]!.GetValue<string>()));
        // 055 (apologize) counts as 05, DiplomaticCooperation.
        var apology = ImportedDevelopment.IdOfGdeltEvent(RelationId.Of("TUR", "RUS"), "055", "20161013", "http://www.islamicinvitationturkey.com/2016/10/13/iran-urges-immediate-ceasefire-in-syria/");
        Assert.Equal("DiplomaticCooperation", (await GetJsonOnAsync(client, $"/api/relations/RUS/TUR/developments/{apology}"))["type"]!.GetValue<string>());
        // The relation's state counts them: SAU~TUR's 12 rows are 5 events, one of them a visit (042, which GDELT wrote three times).
        var saudi = await GetJsonOnAsync(client, "/api/relations/SAU/TUR?asOf=2016-12-31");
        Assert.Equal(5, saudi["developmentCount"]!.GetValue<int>());
        Assert.Equal(1, saudi["visitsLast365Days"]!.GetValue<int>());
        // Mapped actors were created with the table's names.
        var actors = await GetJsonArrayOnAsync(client, "/api/actors");
        Assert.Contains(actors, a => a!["id"]!.GetValue<string>() == "SAU" && a["name"]!.GetValue<string>() == "Country SAU");

        var events = await EventCountOnAsync(host);
        var again = await ImportAsync(client, await File.ReadAllBytesAsync(RealGdeltFile), "?format=gdelt");
        Assert.Equal("completed", again["status"]!.GetValue<string>());
        Assert.Equal(0, again["recorded"]!.GetValue<long>());
        Assert.Equal(20, again["alreadyImported"]!.GetValue<long>());
        Assert.Equal(20, again["repeats"]!.GetValue<long>());
        Assert.Equal(events, await EventCountOnAsync(host));

        // The file as GDELT publishes it, zipped, is the same file.
        var zipped = await ImportAsync(client, Pack("zip", ("20161013151500.export.CSV", await File.ReadAllBytesAsync(RealGdeltFile))), "?format=gdelt");
        Assert.Equal("completed", zipped["status"]!.GetValue<string>());
        Assert.Equal(3566, zipped["rowsRead"]!.GetValue<long>());
        Assert.Equal(20, zipped["alreadyImported"]!.GetValue<long>());
        Assert.Equal(3526, zipped["rejected"]!.GetValue<long>());
        Assert.Equal(events, await EventCountOnAsync(host));
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("gzip")]
    public async Task A_zipped_or_gzipped_file_imports_as_the_file_inside(string packing)
    {
        var (a, b) = await CreateRelationAsync();
        var rows = Encoding.UTF8.GetBytes(
            $"relation,type,occurredOn,actor,summary,source\n{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/1\n{a}~{b},Demand,2024-03-02,{b},A demand,https://example.org/2\n");

        var imported = await ImportAsync(Client, Pack(packing, ("rows.csv", rows)), "?format=csv");

        Assert.Equal("completed", imported["status"]!.GetValue<string>());
        Assert.Equal(2, imported["recorded"]!.GetValue<long>());
        Assert.Equal(2, (await GetJsonAsync($"/api/relations/{a}/{b}"))["developmentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_zip_of_two_files_or_a_broken_zip_is_a_400_and_records_nothing()
    {
        var (a, b) = await CreateRelationAsync();
        var rows = Encoding.UTF8.GetBytes($"relation,type,occurredOn,actor,summary,source\n{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/1\n");

        var two = await ExpectProblemAsync(await PostImportAsync(Client, Pack("zip", ("a.csv", rows), ("b.csv", rows)), "?format=csv"), HttpStatusCode.BadRequest, "body");
        Assert.Contains("The zip file holds 2 files", two["errors"]!["body"]![0]!.GetValue<string>());
        var zip = Pack("zip", ("rows.csv", rows));
        await ExpectProblemAsync(await PostImportAsync(Client, zip[..(zip.Length / 2)], "?format=csv"), HttpStatusCode.BadRequest, "body");

        Assert.Equal(0, (await GetJsonAsync($"/api/relations/{a}/{b}"))["developmentCount"]!.GetValue<int>());
    }

    private const int ImportRunMaxKept = 500;

    [Fact]
    public async Task Gdelt_actors_map_through_markers_unknown_ones_are_created_and_rows_that_cannot_map_are_reported_by_line()
    {
        var east = NewActorId("LBE");
        var turkey = NewActorId("TRK");
        // A database of its own: the mapping is the start-up table's and its actors' own, and the shared database's
        // actors (the demo's, say) have theirs.
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: new Dictionary<string, string>
        {
            ["Tracker:Imports:Actors:0:Country"] = "TUR", ["Tracker:Imports:Actors:0:Actor"] = turkey, ["Tracker:Imports:Actors:0:Name"] = "Turkey",
            ["Tracker:Imports:Actors:1:Country"] = "LBY", ["Tracker:Imports:Actors:1:Actor"] = east, ["Tracker:Imports:Actors:1:Name"] = "Eastern Libyan authorities",
            ["Tracker:Imports:Actors:1:Markers:0"] = "HAFTAR", ["Tracker:Imports:Actors:1:Markers:1"] = "BENGHAZI",
        });
        var client = TrackerApp.ClientFor(host);
        var ids = Enumerable.Range(0, 6).Select(_ => NewGdeltId()).ToArray();
        var file = string.Join("\n",
            GdeltRow(ids[0], "20250825", ("TURMIL", "TURKEY", "TUR", ""), ("LBYMIL", "KHALIFA HAFTAR", "LBY", ""), "0622"), // line 1: MilitaryCooperation by base 062
            GdeltRow(ids[1], "20250404", ("LBY", "BENGHAZI", "LBY", ""), ("TURGOV", "ANKARA", "TUR", ""), "042"),            // line 2: a visit by the east
            GdeltRow(ids[2], "20250404", ("LBY", "TRIPOLI", "LBY", ""), ("TURGOV", "ANKARA", "TUR", ""), "042"),             // line 3: LBY without a marker
            GdeltRow(ids[3], "20250404", ("TURGOV", "ANKARA", "TUR", ""), ("TURMIL", "TURKEY", "TUR", ""), "042"),           // line 4: the same actor twice
            GdeltRow(ids[4], "20250404", ("TURGOV", "ANKARA", "TUR", ""), ("LBYMIL", "HAFTAR", "LBY", ""), "1823"),          // line 5: an Assault (catalogue version 2)
            "too\tfew\tcolumns",                                                                                              // line 6
            GdeltRow(ids[5], "20991231", ("TURGOV", "ANKARA", "TUR", ""), ("LBYMIL", "HAFTAR", "LBY", ""), "040"));          // line 7: after today

        var result = await ImportAsync(client, Encoding.UTF8.GetBytes(file), "?format=gdelt");

        Assert.Equal(3, result["recorded"]!.GetValue<long>());
        Assert.Equal(4, result["rejected"]!.GetValue<long>());
        var rejections = result["rejections"]!.AsArray();
        Assert.Equal([3L, 4L, 6L, 7L], rejections.Select(r => r!["line"]!.GetValue<long>()));
        Assert.Equal("Actor1 TRIPOLI (LBY) of country LBY matches no marker of its country's rules (HAFTAR, BENGHAZI)", Reason(rejections, 3));
        Assert.Equal($"both actors map to {turkey}; a relation needs two different actors", Reason(rejections, 4));
        Assert.Equal("Assault", (await GetJsonOnAsync(client, $"/api/relations/{turkey}/{east}/developments/{GdeltDevelopment(turkey, east, ids[4], "1823", "20250404")}"))["type"]!.GetValue<string>());
        Assert.Contains("not the 61 of a GDELT 2.0 event row", Reason(rejections, 6));
        Assert.StartsWith("occurredOn: '2099-12-31' is after today", Reason(rejections, 7));

        var visit = await GetJsonOnAsync(client, $"/api/relations/{turkey}/{east}/developments/{GdeltDevelopment(turkey, east, ids[1], "042", "20250404")}");
        Assert.Equal("OfficialVisit", visit["type"]!.GetValue<string>());
        Assert.Equal(east, visit["actor"]!.GetValue<string>());
        var state = await GetJsonOnAsync(client, $"/api/relations/{east}/{turkey}?asOf=2025-09-01");
        Assert.Equal(3, state["developmentCount"]!.GetValue<int>());
        Assert.Equal(1, state["military"]!["activitiesLast365Days"]!.GetValue<int>());
        Assert.Equal(1, state["visitsLast365Days"]!.GetValue<int>());
        var actors = await GetJsonArrayOnAsync(client, "/api/actors");
        Assert.Contains(actors, a => a!["id"]!.GetValue<string>() == east && a["name"]!.GetValue<string>() == "Eastern Libyan authorities");
    }

    [Fact]
    public async Task Csv_rows_are_recorded_and_reads_see_them_at_once()
    {
        var (a, b) = await CreateRelationAsync();
        var csv = $"""
            relation,type,occurredOn,actor,significance,summary,source
            {a}~{b},OfficialVisit,2025-04-04,{b},high,"Visit to Ankara, with talks",https://example.org/visit
            {b}~{a},MilitaryCooperation,2025-08-25,{a},,"Port call and ""Sea Wolf"" drill",Kathimerini print edition p. 3
            {a}~{b},Consultation,2025-09,{a},low,"Talks
            over two lines",https://example.org/talks
            """;

        var result = await ImportAsync(Client, Encoding.UTF8.GetBytes(csv), "?format=csv");

        Assert.Equal("completed", result["status"]!.GetValue<string>());
        Assert.Equal(3, result["recorded"]!.GetValue<long>());
        Assert.Equal(0, result["rejected"]!.GetValue<long>());
        var timeline = (await GetJsonAsync($"/api/relations/{a}/{b}/developments"))["developments"]!.AsArray();
        Assert.Equal(["OfficialVisit", "MilitaryCooperation", "Consultation"], timeline.Select(d => d!["type"]!.GetValue<string>()));
        var drill = await GetJsonAsync($"/api/relations/{a}/{b}/developments/{timeline[1]!["id"]!.GetValue<string>()}");
        Assert.Equal("Port call and \"Sea Wolf\" drill", drill["summary"]!.GetValue<string>());
        Assert.Equal("normal", drill["significance"]!.GetValue<string>());
        Assert.Equal("Kathimerini print edition p. 3", drill["sources"]![0]!["citation"]!.GetValue<string>());
        var state = await GetJsonAsync($"/api/relations/{a}/{b}?asOf=2025-09-30");
        Assert.Equal(3, state["developmentCount"]!.GetValue<int>());
        Assert.Equal("2025-09", state["lastContact"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_csv_rows_are_reported_with_their_lines_and_the_good_rows_still_go_in()
    {
        var (a, b) = await CreateRelationAsync();
        var missing = NewActorId("MIS");
        var csv = $"""
            relation,type,occurredOn,actor,summary,source
            {a}~{b},Aid,2024-01-15,{a},Aid delivered,https://example.org/1
            {a}~{b},Friendship,2024-01-16,{a},Not a type,https://example.org/2
            {a}~{b},Aid,2024-02-30,{a},Not a date,https://example.org/3
            {a}~{b},Aid,2024-01-17,TUR,Not an actor of the relation,https://example.org/4
            {a}~{b},AgreementSigned,2024-01-18,{a},An agreement,https://example.org/5
            {a}~{missing},Aid,2024-01-19,{a},An actor that does not exist,https://example.org/6
            {a}~{b},Aid,2024-01-20,{a},,https://example.org/7
            {a}~{b},Aid,2024-01-21,{a},Two fields short
            {a}~{b},Negotiation,2024-01-22,{b},Talks,https://example.org/9
            """;

        var result = await ImportAsync(Client, Encoding.UTF8.GetBytes(csv), "?format=csv");

        Assert.Equal("completed", result["status"]!.GetValue<string>());
        Assert.Equal(9, result["rowsRead"]!.GetValue<long>());
        Assert.Equal(2, result["recorded"]!.GetValue<long>());
        Assert.Equal(7, result["rejected"]!.GetValue<long>());
        var rejections = result["rejections"]!.AsArray();
        Assert.Equal([3L, 4L, 5L, 6L, 7L, 8L, 9L], rejections.Select(r => r!["line"]!.GetValue<long>()).Order());
        Assert.StartsWith("type: 'Friendship' is not a development type", Reason(rejections, 3));
        Assert.StartsWith("occurredOn: '2024-02-30' is not a date", Reason(rejections, 4));
        Assert.StartsWith("actor: 'TUR' is not one of the relation's actors", Reason(rejections, 5));
        Assert.StartsWith("type: AgreementSigned needs an agreement", Reason(rejections, 6));
        Assert.Equal($"actor {missing} does not exist; create it with PUT /api/actors/{missing} first", Reason(rejections, 7));
        Assert.StartsWith("summary:", Reason(rejections, 8));
        Assert.Equal("has 5 fields; the header has 6", Reason(rejections, 9));
        var timeline = (await GetJsonAsync($"/api/relations/{a}/{b}/developments"))["developments"]!.AsArray();
        Assert.Equal(["Aid", "Negotiation"], timeline.Select(d => d!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Atomic_records_nothing_when_one_row_is_bad_and_everything_when_none_is()
    {
        var (a, b) = await CreateRelationAsync();
        var good = $"{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/1\n{a}~{b},Demand,2024-03-02,{b},A demand,https://example.org/2\n";
        var header = "relation,type,occurredOn,actor,summary,source\n";
        var before = await App.EventCountAsync();

        var refused = await ImportAsync(Client, Encoding.UTF8.GetBytes(header + good + $"{a}~{b},Aid,2099-01-01,{a},In the future,https://example.org/3\n"), "?format=csv&atomic=true");

        Assert.Equal("failed", refused["status"]!.GetValue<string>());
        Assert.True(refused["atomic"]!.GetValue<bool>());
        Assert.Equal(0, refused["recorded"]!.GetValue<long>());
        Assert.Equal(1, refused["rejected"]!.GetValue<long>());
        Assert.Equal(4, refused["rejections"]![0]!["line"]!.GetValue<long>());
        Assert.Equal("atomic: 1 of 3 rows were rejected, so nothing was recorded", refused["failure"]!.GetValue<string>());
        Assert.Equal(before, await App.EventCountAsync());

        var accepted = await ImportAsync(Client, Encoding.UTF8.GetBytes(header + good), "?format=csv&atomic=true");
        Assert.Equal("completed", accepted["status"]!.GetValue<string>());
        Assert.Equal(2, accepted["recorded"]!.GetValue<long>());
        Assert.Equal(2, accepted["rowsRead"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_answer_is_202_with_where_to_follow_the_import_and_the_import_shows_its_progress()
    {
        var (a, b) = await CreateRelationAsync();
        var rows = new StringBuilder("relation,type,occurredOn,actor,summary,source\n");
        for (var i = 0; i < 5000; i++) rows.Append($"{a}~{b},Consultation,{new DateOnly(2000, 1, 1).AddDays(i % 9000):yyyy-MM-dd},{a},Talks {i},https://example.org/{i}\n");

        var response = await PostImportAsync(Client, Encoding.UTF8.GetBytes(rows.ToString()), "?format=csv");

        await ExpectStatusAsync(response, HttpStatusCode.Accepted);
        var accepted = (await ReadJsonAsync(response)).AsObject();
        var id = accepted["id"]!.GetValue<string>();
        Assert.Equal($"/api/imports/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("csv", accepted["format"]!.GetValue<string>());
        Assert.False(accepted["atomic"]!.GetValue<bool>());

        var seen = new List<long>();
        JsonObject progress;
        do
        {
            progress = await GetJsonAsync($"/api/imports/{id}");
            seen.Add(progress["recorded"]!.GetValue<long>());
            await Task.Delay(20);
        } while (progress["status"]!.GetValue<string>() == "running");

        Assert.Equal("completed", progress["status"]!.GetValue<string>());
        Assert.Equal(5000, progress["rowsRead"]!.GetValue<long>());
        Assert.Equal(5000, progress["recorded"]!.GetValue<long>());
        Assert.Equal(seen.Order(), seen); // counts only grow
        Assert.NotNull(progress["finishedAt"]);
        Assert.True(progress["elapsedSeconds"]!.GetValue<double>() > 0);
        Assert.True(progress["rowsPerSecond"]!.GetValue<double>() > 0);
        Assert.Equal(5000, (await GetJsonAsync($"/api/relations/{a}/{b}"))["developmentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_import_needs_the_key_like_every_write()
    {
        using var anonymous = new HttpClient(App.Server.CreateHandler()) { BaseAddress = Client.BaseAddress };
        var response = await anonymous.PostAsync("/api/imports?format=csv", new StringContent("relation,type,occurredOn,actor,summary,source\n"));
        await ExpectProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("?format=xml", "text/csv", "relation,type,occurredOn,actor,summary,source\n", "format")]
    [InlineData("?format=csv&format=gdelt", "text/csv", "relation,type,occurredOn,actor,summary,source\n", "format")]
    [InlineData("", "application/octet-stream", "relation,type,occurredOn,actor,summary,source\n", "format")]
    [InlineData("?format=csv&atomic=maybe", "text/csv", "relation,type,occurredOn,actor,summary,source\n", "atomic")]
    [InlineData("?format=csv", "text/csv", "", "body")]
    [InlineData("?format=csv", "text/csv", "relation,type,when,actor,summary,source\n", "body")]
    [InlineData("?format=csv", "text/csv", "relation,type,actor,summary,source\n", "body")]
    [InlineData("?format=gdelt", "text/csv", "relation,type,occurredOn,actor,summary,source\n", "body")]
    [InlineData("", "text/tab-separated-values", "1\t2\t3\n", "body")]
    public async Task Bad_parameters_or_a_file_that_is_not_the_format_are_a_400_and_change_nothing(string query, string contentType, string body, string field)
    {
        var before = await App.EventCountAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        var response = await Client.PostAsync($"/api/imports{query}", content);

        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task The_format_may_come_from_the_content_type()
    {
        var (a, b) = await CreateRelationAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"relation,type,occurredOn,actor,summary,source\n{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/1\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var response = await Client.PostAsync("/api/imports", content);
        await ExpectStatusAsync(response, HttpStatusCode.Accepted);
        var done = await WaitAsync(Client, response.Headers.Location!.OriginalString);
        Assert.Equal(1, done["recorded"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_unknown_import_is_a_404_and_a_malformed_id_a_400()
    {
        await ExpectProblemAsync(await Client.GetAsync($"/api/imports/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync("/api/imports/not-an-id"), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task A_post_after_an_import_into_the_same_relation_is_recorded_after_the_imported_developments()
    {
        var (a, b) = await CreateRelationAsync();
        // The writer now holds this relation's state as of version 1.
        await RecordAsync(a, b, Development("Consultation", "2024-01-10", a));

        var imported = await ImportAsync(Client, Encoding.UTF8.GetBytes(
            $"relation,type,occurredOn,actor,summary,source\n{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/1\n{a}~{b},Demand,2024-03-02,{b},A demand,https://example.org/2\n"), "?format=csv");
        Assert.Equal(2, imported["recorded"]!.GetValue<long>());

        var after = await RecordAsync(a, b, Development("Negotiation", "2024-04-01", b));
        Assert.Equal(4, after["version"]!.GetValue<long>());
        var timeline = (await GetJsonAsync($"/api/relations/{a}/{b}/developments"))["developments"]!.AsArray();
        Assert.Equal(4, timeline.Count);
        var recordedAt = timeline.Select(d => DateTimeOffset.Parse(d!["recordedAt"]!.GetValue<string>())).ToList();
        Assert.True(recordedAt[3] > recordedAt[2] && recordedAt[2] > recordedAt[1] && recordedAt[1] > recordedAt[0], string.Join(", ", recordedAt));
    }

    [Fact]
    public async Task Imported_developments_are_not_notified_one_by_one_but_the_next_notification_counts_them()
    {
        var (a, b) = await CreateRelationAsync();
        await using var sse = await SseClient.ConnectAsync(Client, $"/api/notifications?relation={a}~{b}");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");

        // Two armed conflicts today, high: the relation turns hostile without a notification.
        var imported = await ImportAsync(Client, Encoding.UTF8.GetBytes(
            $"relation,type,occurredOn,actor,significance,summary,source\n{a}~{b},ArmedConflict,{today},{a},high,Clashes,https://example.org/1\n{a}~{b},ArmedConflict,{today},{b},high,More clashes,https://example.org/2\n"), "?format=csv");
        Assert.Equal(2, imported["recorded"]!.GetValue<long>());
        await sse.ExpectNothingAsync(TimeSpan.FromSeconds(1));

        var posted = await RecordAsync(a, b, Development("Statement", today, a));
        var message = Assert.Single(await sse.TakeAsync(1));
        Assert.Equal("development-recorded", message.Event);
        Assert.Equal(posted["id"]!.GetValue<string>(), message.Data["developmentId"]!.GetValue<string>());
        Assert.Equal("hostile", message.Data["phase"]!.GetValue<string>()); // it counts the imported conflicts
        await sse.ExpectNothingAsync(TimeSpan.FromMilliseconds(500)); // and no phase change: the import made it
    }

    [Fact]
    public async Task Imported_developments_are_stored_under_event_type_names_of_their_own_and_read_back_as_their_catalogue_types()
    {
        var (a, b) = await CreateRelationAsync();
        await RecordAsync(a, b, Development("OfficialVisit", "2024-01-10", a));
        var imported = await ImportAsync(Client, Encoding.UTF8.GetBytes(
            $"relation,type,occurredOn,actor,summary,source\n{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/1\n{a}~{b},OfficialVisit,2024-03-02,{b},A visit,https://example.org/2\n"), "?format=csv");
        Assert.Equal(2, imported["recorded"]!.GetValue<long>());

        // The notification subscription asks PostgreSQL for the catalogue's own names only, so it is never handed
        // the imported ones (Importing/ImportedEventType).
        await using var session = App.Store.QuerySession();
        var names = await session.QueryAsync<string>("select type from tracker.mt_events where stream_id = ? order by version", $"{a}~{b}");
        Assert.Equal(["official_visit", "imported_aid", "imported_official_visit"], names);

        // Marten reads them back as their catalogue types, through the row's .NET type.
        var stream = await session.Events.FetchStreamAsync($"{a}~{b}");
        Assert.Equal([typeof(OfficialVisit), typeof(Aid), typeof(OfficialVisit)], stream.Select(e => e.Data.GetType()));
    }

    private static byte[] ManyRows(string a, string b, int count) => Encoding.UTF8.GetBytes("relation,type,occurredOn,actor,summary,source\n" +
        string.Concat(Enumerable.Range(0, count).Select(i => $"{a}~{b},Aid,2024-03-{i % 28 + 1:D2},{a},Aid {Guid.NewGuid()} {Guid.NewGuid()},https://example.org/{Guid.NewGuid()}\n")));

    private static HttpClient SmallBatches(out Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string connectionString)
    {
        host = TrackerApp.HostOn(connectionString, settings: new Dictionary<string, string> { ["Tracker:Imports:BatchSize"] = "25" });
        return TrackerApp.ClientFor(host);
    }

    [Theory]
    [InlineData("gzip", "truncated")]
    [InlineData("zip", "corrupt")]
    public async Task A_file_cut_short_or_corrupted_fails_with_its_cause_and_counts_exactly_what_was_recorded(string packing, string cause)
    {
        var client = SmallBatches(out var host, App.ConnectionString);
        await using var _ = host;
        var (a, b) = await CreateRelationAsync();
        var file = Pack(packing, ("rows.csv", ManyRows(a, b, 400)));
        if (packing == "gzip") file = file[..(file.Length * 6 / 10)];
        else for (var i = file.Length * 6 / 10; i < file.Length * 6 / 10 + 64; i++) file[i] ^= 0x5A; // inside the entry's data

        var result = await ImportAsync(client, file, "?format=csv");

        Assert.Equal("failed", result["status"]!.GetValue<string>());
        Assert.Contains(cause, result["failure"]!.GetValue<string>());
        var recorded = (await GetJsonOnAsync(client, $"/api/relations/{a}/{b}"))["developmentCount"]!.GetValue<int>();
        Assert.Equal(recorded, result["recorded"]!.GetValue<long>());
        Assert.True(recorded < 400, $"{recorded} of 400 rows recorded from a broken file");
    }

    [Fact]
    public async Task A_broken_file_imported_atomically_records_nothing()
    {
        var (a, b) = await CreateRelationAsync();
        var file = Pack("gzip", ("rows.csv", ManyRows(a, b, 400)));

        var result = await ImportAsync(Client, file[..(file.Length * 6 / 10)], "?format=csv&atomic=true");

        Assert.Equal("failed", result["status"]!.GetValue<string>());
        Assert.Contains("truncated", result["failure"]!.GetValue<string>());
        Assert.Equal(0, result["recorded"]!.GetValue<long>());
        Assert.Equal(0, (await GetJsonAsync($"/api/relations/{a}/{b}"))["developmentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_row_with_bytes_that_are_not_UTF8_is_rejected_by_its_line_and_counted_by_kind()
    {
        var (a, b) = await CreateRelationAsync();
        var good = Encoding.UTF8.GetBytes($"relation,type,occurredOn,actor,summary,source\n{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/1\n");
        var bad = Encoding.UTF8.GetBytes($"{a}~{b},Aid,2024-03-02,{a},Aid ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(",https://example.org/2\n")).ToArray();
        var unknown = Encoding.UTF8.GetBytes($"{a}~{b},Visit,2024-03-03,{a},Aid,https://example.org/3\n");

        var result = await ImportAsync(Client, [.. good, .. bad, .. unknown], "?format=csv");

        Assert.Equal(1, result["recorded"]!.GetValue<long>());
        var rejections = result["rejections"]!.AsArray();
        Assert.Equal(3, rejections[0]!["line"]!.GetValue<long>());
        Assert.Contains("not UTF-8", rejections[0]!["reason"]!.GetValue<string>());
        Assert.Equal(1, result["rejectedByKind"]!["not valid UTF-8"]!.GetValue<long>());
        Assert.Equal(1, result["rejectedByKind"]!["type refused"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_actor_mapping_is_the_actors_own_changed_through_the_API_between_two_imports_with_no_restart()
    {
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync());
        var client = TrackerApp.ClientFor(host);
        var row = (string id) => GdeltRow(id, "20250404", ("QZAGOV", "QZA CAPITAL", "QZA", ""), ("QZBMIL", "QZB ARMY", "QZB", ""), "042");

        // No mapping at all: refused at once, saying so.
        var refused = await ExpectProblemAsync(await PostImportAsync(client, Encoding.UTF8.GetBytes(row(NewGdeltId())), "?format=gdelt"), HttpStatusCode.BadRequest, "format");
        Assert.Contains("actor mapping", refused["errors"]!["format"]![0]!.GetValue<string>());

        await ExpectStatusAsync(await client.PutAsJsonAsync("/api/actors/QZA", new { name = "Qza", gdelt = new { country = "QZA" } }), HttpStatusCode.Created);
        await ExpectStatusAsync(await client.PutAsJsonAsync("/api/actors/QZB", new { name = "Qzb", gdelt = new { country = "QZB", markers = new[] { "ARMY" } } }), HttpStatusCode.Created);
        var shown = (await GetJsonArrayOnAsync(client, "/api/actors")).Single(a => a!["id"]!.GetValue<string>() == "QZB")!;
        Assert.Equal("ARMY", shown["gdelt"]!["markers"]![0]!.GetValue<string>());

        var first = await ImportAsync(client, Encoding.UTF8.GetBytes(row(NewGdeltId())), "?format=gdelt");
        Assert.Equal(1, first["recorded"]!.GetValue<long>());

        await ExpectStatusAsync(await client.PutAsJsonAsync("/api/actors/QZB", new { name = "Qzb", gdelt = new { country = "QZB", markers = new[] { "NAVY" } } }), HttpStatusCode.OK);
        var second = await ImportAsync(client, Encoding.UTF8.GetBytes(row(NewGdeltId())), "?format=gdelt");
        Assert.Equal(0, second["recorded"]!.GetValue<long>());
        Assert.Equal(1, second["rejectedByKind"]!["no marker matched"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{\"name\":\"X\",\"gdelt\":{\"country\":\"ly\"}}", "gdelt.country")]
    [InlineData("{\"name\":\"X\",\"gdelt\":{\"country\":\"LBY\",\"markers\":[\" \"]}}", "gdelt.markers[0]")]
    [InlineData("{\"name\":\"X\",\"gdelt\":{\"markers\":[]}}", "gdelt.country")]
    [InlineData("{\"name\":\"X\",\"gdelt\":{\"country\":\"LBY\",\"colour\":1}}", "gdelt.colour")]
    public async Task A_bad_GDELT_mapping_is_a_400_naming_its_field(string body, string field)
    {
        var response = await SendAsync(HttpMethod.Put, $"/api/actors/{NewActorId()}", new StringContent(body, Encoding.UTF8, "application/json"));
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_demo_actors_map_GDELT_rows_with_no_set_up()
    {
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: new Dictionary<string, string> { ["Tracker:Seed"] = "true" });
        var client = TrackerApp.ClientFor(host);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await GetJsonArrayOnAsync(client, "/api/actors")).Count < 4 && DateTime.UtcNow < deadline) await Task.Delay(200);
        var file = string.Join("\n",
            GdeltRow(NewGdeltId(), "20250404", ("TURGOV", "ANKARA", "TUR", ""), ("GRCGOV", "ATHENS", "GRC", ""), "042"),
            GdeltRow(NewGdeltId(), "20250405", ("LBYMIL", "KHALIFA HAFTAR", "LBY", ""), ("TURGOV", "ANKARA", "TUR", ""), "042"));

        var result = await ImportAsync(client, Encoding.UTF8.GetBytes(file), "?format=gdelt");

        Assert.Equal(2, result["recorded"]!.GetValue<long>());
        Assert.True((await GetJsonOnAsync(client, "/api/relations/GRC/TUR"))["developmentCount"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task A_GDELT_1_file_is_refused_at_once_and_named_as_such()
    {
        var row = string.Join('\t', Enumerable.Repeat("x", 57));
        var response = await PostImportAsync(Client, Encoding.UTF8.GetBytes(row + "\n"), "?format=gdelt");
        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Contains("GDELT 1.0", problem["errors"]!["body"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_imports_are_listed_newest_first()
    {
        var (a, b) = await CreateRelationAsync();
        var first = await ImportAsync(Client, ManyRows(a, b, 2), "?format=csv");
        var second = await ImportAsync(Client, ManyRows(a, b, 3), "?format=csv");
        var list = await GetJsonArrayOnAsync(Client, "/api/imports");
        var ids = list.Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.True(ids.IndexOf(second["id"]!.GetValue<string>()) < ids.IndexOf(first["id"]!.GetValue<string>()));
        Assert.True(ids.IndexOf(first["id"]!.GetValue<string>()) >= 0);
    }

    // Helpers

    /// <summary>The files zipped together, or the one file gzipped.</summary>
    private static byte[] Pack(string packing, params (string Name, byte[] Content)[] files)
    {
        var packed = new MemoryStream();
        if (packing == "gzip")
        {
            using var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
            gzip.Write(Assert.Single(files).Content);
        }
        else
        {
            using var zip = new System.IO.Compression.ZipArchive(packed, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return packed.ToArray();
    }

    private static string NewGdeltId() => GdeltRows.NewId();

    private static string GdeltRow(string id, string sqlDate, (string Code, string Name, string Country, string Group) actor1,
        (string Code, string Name, string Country, string Group) actor2, string eventCode) => GdeltRows.Row(id, sqlDate, actor1, actor2, eventCode);

    /// <summary>The development of a <see cref="GdeltRow"/>: its relation, code, day and source name it.</summary>
    private static Guid GdeltDevelopment(string a, string b, string id, string eventCode, string sqlDate) =>
        ImportedDevelopment.IdOfGdeltEvent(RelationId.Of(a, b), eventCode, sqlDate, GdeltRows.SourceOf(id));

    private static string Reason(JsonArray rejections, long line, int nth = 0, string? startsWith = null) =>
        rejections.Where(r => startsWith is null ? r!["line"]!.GetValue<long>() == line : r!["reason"]!.GetValue<string>().StartsWith(startsWith))
            .Skip(nth).Select(r => r!["reason"]!.GetValue<string>()).First();

    /// <summary>Whether PostgreSQL has statistics for the event table (Importer: the daemon's reads are planned from them).</summary>
    private static async Task<bool> EventTableAnalyzedOnAsync(WebApplicationFactory<Program> host)
    {
        var store = (Marten.IDocumentStore)host.Services.GetService(typeof(Marten.IDocumentStore))!;
        await using var session = store.QuerySession();
        return (await session.QueryAsync<bool>(
            "select coalesce(last_analyze, last_autoanalyze) is not null from pg_stat_user_tables where relid = 'tracker.mt_events'::regclass"))[0];
    }
}
