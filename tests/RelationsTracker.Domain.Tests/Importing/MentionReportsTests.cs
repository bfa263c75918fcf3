using RelationsTracker.Developments;
using RelationsTracker.Importing;

namespace RelationsTracker.Domain.Tests;

/// <summary>GDELT mentions rows, and the confirming reports they make of imported developments.</summary>
public class MentionReportsTests
{
    private static readonly DateOnly Today = new(2025, 12, 1);

    private static string[] Row(string eventId = "1234", string type = "1", string name = "ekathimerini.com", string identifier = "https://www.ekathimerini.com/a", string time = "20250404160000")
    {
        var f = new string[GdeltMention.Columns];
        Array.Fill(f, "");
        (f[0], f[2], f[3], f[4], f[5], f[11]) = (eventId, time, type, name, identifier, "70");
        return f;
    }

    private static GdeltMention Mention(params string[] fields) => GdeltMention.Parse(3, fields).Mention!;

    [Fact]
    public void A_row_is_read_from_its_sixteen_columns()
    {
        var mention = Mention(Row());
        Assert.Equal(new GdeltMention(3, "1234", "20250404160000", "1", "ekathimerini.com", "https://www.ekathimerini.com/a", 70), mention);
        Assert.Equal("has 61 tab-separated columns, not the 16 of a GDELT 2.0 mentions row", GdeltMention.Parse(1, new string[61]).Error);
        Assert.Equal("GLOBALEVENTID 'x1' is not a number", GdeltMention.Parse(1, Row(eventId: "x1")).Error);
        Assert.Equal("MentionIdentifier is empty: the mention names no article", GdeltMention.Parse(1, Row(identifier: " ")).Error);
    }

    [Fact]
    public void A_web_mention_is_a_url_and_any_other_is_a_citation_with_the_publisher_and_day()
    {
        var web = Mention(Row()).Source();
        Assert.Equal(("https://www.ekathimerini.com/a", null, "ekathimerini.com", "2025-04-04"), (web.Url, web.Citation, web.Publisher, web.PublishedOn));
        var cited = Mention(Row(type: "2", identifier: "BBC Monitoring item 7")).Source();
        Assert.Equal((null, "BBC Monitoring item 7"), (cited.Url, cited.Citation));
    }

    [Fact]
    public void A_mention_confirms_its_development_once_and_the_article_it_was_coded_from_adds_nothing()
    {
        var development = Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04");
        var outcome = MentionReports.Decide(Mention(Row()), development, Today);
        var report = Assert.IsType<ReportAdded>(outcome.Report);
        Assert.Equal(ReportStance.Confirms, report.Stance);
        Assert.Equal(ImportedDevelopment.IdOfMention(development.Id, "https://www.ekathimerini.com/a"), report.ReportId);

        var reported = Development.Evolve(development, development.Relation, report, development.RecordedAt.AddMinutes(1), 99)!;
        Assert.True(MentionReports.Decide(Mention(Row()), reported, Today).Already);
        var ownSource = development with { Sources = [new Source { Url = "https://www.ekathimerini.com/a" }] };
        Assert.True(MentionReports.Decide(Mention(Row()), ownSource, Today).Already);
    }

    [Fact]
    public void A_mention_of_no_imported_development_or_of_a_retracted_one_is_rejected_with_its_reason()
    {
        var none = MentionReports.Decide(Mention(Row()), null, Today).Rejected!;
        Assert.Equal((3L, RejectionKind.EventNotImported), (none.Line, none.Kind));
        Assert.Equal("GDELT event 1234 was not imported as a development (import its events export first)", none.Reason);

        var development = Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04");
        var retracted = Development.Evolve(development, development.Relation, new DevelopmentRetracted(development.Id, "miscoded", []), development.RecordedAt.AddMinutes(1), 99)!;
        Assert.Equal(RejectionKind.DevelopmentRetracted, MentionReports.Decide(Mention(Row()), retracted, Today).Rejected!.Kind);
        // A mention published after today cannot be a source yet: the report's own checks refuse it.
        Assert.Equal(RejectionKind.FieldRefused("source"), MentionReports.Decide(Mention(Row(time: "20260101000000")), development, Today).Rejected!.Kind);
    }

    [Fact]
    public void A_batch_of_mentions_is_reports_by_relation_with_its_rejections_and_a_repeated_article_counts_once()
    {
        var development = Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04");
        Development? Of(string eventId) => eventId == "1234" ? development : null;
        var mentions = new[]
        {
            Mention(Row()),
            Mention(Row(identifier: "https://example.org/b")),
            Mention(Row()), // the same article again
            Mention(Row(eventId: "999")), // an event never imported
        };

        var (byRelation, rejected, already) = MentionReports.DecideBatch(mentions, Of, Today);

        var reports = Assert.Single(byRelation);
        Assert.Equal(development.Relation, reports.Key);
        Assert.Equal([ImportedDevelopment.IdOfMention(development.Id, "https://www.ekathimerini.com/a"), ImportedDevelopment.IdOfMention(development.Id, "https://example.org/b")],
            reports.Value.Select(r => r.ReportId));
        Assert.Equal(1, already);
        Assert.Equal(RejectionKind.EventNotImported, Assert.Single(rejected).Kind);
    }
}
