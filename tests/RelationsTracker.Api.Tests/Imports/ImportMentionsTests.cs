using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Importing;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Tests;

/// <summary>
/// POST /api/imports?format=gdelt-mentions: a GDELT 2.0 mentions file, whose articles become confirming reports of the
/// developments imported from the events they mention (docs/import.md, "Mentions").
/// </summary>
public class ImportMentionsTests(TrackerApp app) : TrackerTest(app)
{
    private static byte[] Lines(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", rows) + "\n");

    [Fact]
    public async Task Each_article_that_mentions_an_imported_event_confirms_its_development_once_however_often_it_is_imported()
    {
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: ImportFromUrlTests.TurkeyAndGreece);
        var client = TrackerApp.ClientFor(host);
        var (visit, meeting, unknown) = (GdeltRows.NewId(), GdeltRows.NewId(), GdeltRows.NewId());
        var events = await ImportAsync(client, Lines(
            GdeltRows.Row(visit, "20250404", ("TURGOV", "TURKEY", "TUR", ""), ("GRCGOV", "GREECE", "GRC", ""), "042"),
            GdeltRows.Row(meeting, "20250404", ("TURGOV", "TURKEY", "TUR", ""), ("GRCGOV", "GREECE", "GRC", ""), "036")), "?format=gdelt");
        Assert.Equal(2, events["recorded"]!.GetValue<long>());
        var relation = RelationId.Of("TUR", "GRC");
        var visitId = ImportedDevelopment.IdOfGdeltEvent(relation, "042", "20250404", GdeltRows.SourceOf(visit));
        var meetingId = ImportedDevelopment.IdOfGdeltEvent(relation, "036", "20250404", GdeltRows.SourceOf(meeting));
        var eventsBefore = await EventCountOnAsync(host);

        var mentions = Lines(
            // The article the event was coded from is the development's source already.
            GdeltRows.Mention(visit, GdeltRows.SourceOf(visit), "example.org"),
            GdeltRows.Mention(visit, "https://www.ekathimerini.com/news/1", "ekathimerini.com"),
            GdeltRows.Mention(visit, "https://www.dailysabah.com/politics/2", "dailysabah.com", mentionTime: "20250405081500"),
            // The same article twice in one file: one report.
            GdeltRows.Mention(visit, "https://www.ekathimerini.com/news/1", "ekathimerini.com"),
            // Not a web article: its identifier is cited.
            GdeltRows.Mention(meeting, "BBC Monitoring 2025-04-04 item 77", "BBC Monitoring", type: "2"),
            GdeltRows.Mention(unknown, "https://example.net/elsewhere", "example.net"),
            "not\ta\tmentions\trow");
        var first = await ImportAsync(client, mentions, "?format=gdelt-mentions");

        Assert.Equal("completed", first["status"]!.GetValue<string>());
        Assert.Equal("gdelt-mentions", first["format"]!.GetValue<string>());
        Assert.Equal(7, first["rowsRead"]!.GetValue<long>());
        Assert.Equal(3, first["recorded"]!.GetValue<long>());
        Assert.Equal(2, first["alreadyImported"]!.GetValue<long>());
        Assert.Equal(2, first["rejected"]!.GetValue<long>());
        Assert.Equal(1, first["rejectedByKind"]![RejectionKind.EventNotImported]!.GetValue<long>());
        Assert.Equal(1, first["rejectedByKind"]![RejectionKind.NotAMentionRow]!.GetValue<long>());
        var rejections = first["rejections"]!.AsArray();
        Assert.Equal($"GDELT event {unknown} was not imported as a development (import its events export first)",
            rejections.Single(r => r!["line"]!.GetValue<long>() == 6)!["reason"]!.GetValue<string>());
        Assert.Equal("has 4 tab-separated columns, not the 16 of a GDELT 2.0 mentions row",
            rejections.Single(r => r!["line"]!.GetValue<long>() == 7)!["reason"]!.GetValue<string>());
        Assert.Equal(eventsBefore + 3, await EventCountOnAsync(host));

        // The visit's view lists the two articles as confirming reports, with their publishers and days; k counts them.
        var view = await GetJsonOnAsync(client, $"/api/relations/TUR/GRC/developments/{visitId}");
        var reports = view["reports"]!.AsArray();
        Assert.Equal(["https://www.ekathimerini.com/news/1", "https://www.dailysabah.com/politics/2"], reports.Select(r => r!["source"]!["url"]!.GetValue<string>()));
        Assert.All(reports, r => Assert.Equal("confirms", r!["stance"]!.GetValue<string>()));
        Assert.Equal(["ekathimerini.com", "dailysabah.com"], reports.Select(r => r!["source"]!["publisher"]!.GetValue<string>()));
        Assert.Equal(["2025-04-04", "2025-04-05"], reports.Select(r => r!["source"]!["publishedOn"]!.GetValue<string>()));
        // Its own source (example.org) and two publishers: k = 3, c = 1 + 0.25 · 2 = 1.5 (scoring.md, "Corroboration").
        Assert.Equal(3, view["k"]!.GetValue<int>());
        Assert.Equal(1.5m, view["c"]!.GetValue<decimal>());
        var cited = Assert.Single((await GetJsonOnAsync(client, $"/api/relations/TUR/GRC/developments/{meetingId}"))["reports"]!.AsArray())!;
        Assert.Equal("BBC Monitoring 2025-04-04 item 77", cited["source"]!["citation"]!.GetValue<string>());
        Assert.Null(cited["source"]!["url"]);

        // The same file again records nothing: each report is there already.
        var again = await ImportAsync(client, mentions, "?format=gdelt-mentions");
        Assert.Equal("completed", again["status"]!.GetValue<string>());
        Assert.Equal(0, again["recorded"]!.GetValue<long>());
        Assert.Equal(5, again["alreadyImported"]!.GetValue<long>());
        Assert.Equal(eventsBefore + 3, await EventCountOnAsync(host));

        // A retracted development takes no report: the row says why.
        var retract = await client.PostAsync($"/api/relations/TUR/GRC/developments/{meetingId}/retraction",
            new StringContent("""{ "reason": "GDELT miscoded the meeting", "sources": [{ "citation": "Analyst's check" }] }""", Encoding.UTF8, "application/json"));
        await ExpectStatusAsync(retract, HttpStatusCode.Created);
        var late = await ImportAsync(client, Lines(GdeltRows.Mention(meeting, "https://www.hurriyetdailynews.com/3", "hurriyetdailynews.com")), "?format=gdelt-mentions");
        Assert.Equal(0, late["recorded"]!.GetValue<long>());
        Assert.Equal(1, late["rejectedByKind"]![RejectionKind.DevelopmentRetracted]!.GetValue<long>());
    }

    [Fact]
    public async Task A_file_that_is_not_a_mentions_file_is_refused_before_anything_is_recorded()
    {
        var events = Lines(GdeltRows.Row(GdeltRows.NewId(), "20250404", ("TURGOV", "TURKEY", "TUR", ""), ("GRCGOV", "GREECE", "GRC", ""), "042"));
        var asMentions = await ExpectProblemAsync(await PostImportAsync(Client, events, "?format=gdelt-mentions"), HttpStatusCode.BadRequest, "body");
        Assert.Equal("This is not a GDELT 2.0 mentions file: line 1 has 61 tab-separated columns, not 16. It is an events export: use format=gdelt.", asMentions["errors"]!["body"]![0]!.GetValue<string>());

        var mentions = Lines(GdeltRows.Mention(GdeltRows.NewId(), "https://example.org/a", "example.org"));
        var asEvents = await ExpectProblemAsync(await PostImportAsync(Client, mentions, "?format=gdelt"), HttpStatusCode.BadRequest, "body");
        Assert.Equal("This is not a GDELT 2.0 events file: line 1 has 16 tab-separated columns, not 61. It is a mentions file: use format=gdelt-mentions.", asEvents["errors"]!["body"]![0]!.GetValue<string>());

        var unknown = await ExpectProblemAsync(await PostImportAsync(Client, mentions, "?format=mentions"), HttpStatusCode.BadRequest, "format");
        Assert.Contains("gdelt-mentions", unknown["errors"]!["format"]![0]!.GetValue<string>());
    }
}
