using RelationsTracker.Developments;
using RelationsTracker.Importing;
using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class RepeatedEventsTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly ActorMapping Mapping = ActorMapping.Create([
        new ActorRule { Country = "TUR", Actor = "TUR", Name = "Turkey" },
        new ActorRule { Country = "GRC", Actor = "GRC", Name = "Greece" },
    ]).Mapping!;

    [Fact]
    public void Rows_of_one_reported_event_become_one_development_that_lists_each_row()
    {
        // GDELT's two codings of one article's event (Turkey → Greece and Greece → Turkey), a third from another
        // article, and a fourth of another code.
        var candidates = Candidates(
            Row("1001", "TUR", "GRC", "043", "https://example.org/a"),
            Row("1002", "GRC", "TUR", "043", "https://example.org/a"),
            Row("1003", "TUR", "GRC", "043", "https://example.org/b"),
            Row("1004", "TUR", "GRC", "042", "https://example.org/a"));

        var merged = RepeatedEvents.Merge(candidates);

        Assert.Equal(3, merged.Count);
        var visit = merged[0];
        Assert.Equal(1, visit.Repeats);
        Assert.Equal("TUR", visit.Event.Actor); // the first row's
        Assert.Equal(["1001", "1002"], visit.Event.Gdelt!.Select(g => g.GlobalEventId));
        Assert.Equal(["GDELT 2.0 event 1001", "GDELT 2.0 event 1002"], visit.Event.Sources.Select(s => s.Citation));
        Assert.All(visit.Event.Sources, s => Assert.Equal("https://example.org/a", s.Url));
        Assert.Equal([0, 0], merged.Skip(1).Select(c => c.Repeats));
        Assert.Equal(merged.Count, merged.Select(c => c.Event.DevelopmentId).Distinct().Count());
    }

    [Fact]
    public void A_development_lists_at_most_the_sources_a_development_may_have_and_keeps_every_rows_evidence()
    {
        var rows = Enumerable.Range(0, 25).Select(i => Row($"{2000 + i}", "TUR", "GRC", "036", "https://example.org/c")).ToArray();

        var merged = Assert.Single(RepeatedEvents.Merge(Candidates(rows)));

        Assert.Equal(24, merged.Repeats);
        Assert.Equal(Writing.DevelopmentFields.MaxSources, merged.Event.Sources.Count);
        Assert.Equal(25, merged.Event.Gdelt!.Count);
    }

    [Fact]
    public void Csv_rows_are_never_merged_an_identical_row_stays_for_the_writer_to_count_as_already_imported()
    {
        var (header, _) = CsvHeader.Parse(ImportRows.CsvColumns);
        string[] fields = ["GRC~TUR", "OfficialVisit", "2025-04-04", "TUR", "high", "A visit", "https://example.org/x"];
        var row = ImportRows.FromCsv(2, fields, header!, Today).Candidate!;

        var merged = RepeatedEvents.Merge([row, row with { Line = 3 }]);

        Assert.Equal(2, merged.Count);
        Assert.All(merged, c => Assert.Equal(0, c.Repeats));
    }

    private static List<ImportCandidate> Candidates(params string[][] rows) =>
        rows.Select((fields, i) => ImportRows.FromGdelt(i + 1, fields, Mapping, Today).Candidate ?? throw new InvalidOperationException($"row {i + 1} was rejected")).ToList();

    private static string[] Row(string id, string actor1, string actor2, string code, string url)
    {
        var f = new string[GdeltEvent.Columns];
        Array.Fill(f, "");
        f[0] = id;
        f[1] = "20250404";
        (f[5], f[7]) = (actor1, actor1);
        (f[15], f[17]) = (actor2, actor2);
        f[26] = code;
        f[27] = code[..3];
        f[28] = code[..2];
        f[59] = "20250404151500";
        f[60] = url;
        return f;
    }
}
