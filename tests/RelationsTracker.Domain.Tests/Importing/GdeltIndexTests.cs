using RelationsTracker.Importing;

namespace RelationsTracker.Domain.Tests;

public class GdeltIndexTests
{
    // GDELT 2.0's lastupdate.txt as it is published: the export, the mentions and the GKG of the latest 15 minutes.
    private const string LastUpdate = """
        150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip
        318084 bb27f78ba45f69a17ea6ed7755e9f8ff http://data.gdeltproject.org/gdeltv2/20150218230000.mentions.CSV.zip
        10768507 ea8dde0beb0ba98810a92db068c0ce99 http://data.gdeltproject.org/gdeltv2/20150218230000.gkg.csv.zip

        """;

    [Fact]
    public void An_index_lists_its_files_and_its_events_exports_are_the_export_files()
    {
        var index = GdeltIndex.TryParse(LastUpdate.Replace("\n", "\r\n"))!;

        Assert.Equal(3, index.Entries.Count);
        var export = Assert.Single(index.Exports);
        Assert.Equal(150383, export.Size);
        Assert.Equal("297a16b493de7cf6ca809a7cc31d0b93", export.Md5);
        Assert.Equal("http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip", export.Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("relation,type,occurredOn\nA~B,Statement,2025-01-01")]
    [InlineData("150383 297a16b493de7cf6ca809a7cc31d0b93 ftp://data.gdeltproject.org/x.export.CSV.zip")]
    [InlineData("150383 297a16b4 http://data.gdeltproject.org/x.export.CSV.zip")]
    [InlineData("150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/x.export.CSV.zip\n<html>")]
    public void Anything_not_an_index_throughout_is_not_taken_for_one(string text) => Assert.Null(GdeltIndex.TryParse(text));

    [Fact]
    public void New_exports_are_the_latest_alone_at_first_then_those_after_the_last_imported_or_all_unseen_when_it_is_gone()
    {
        var master = GdeltIndex.TryParse(string.Join("\n", Enumerable.Range(0, 4).Select(i =>
            $"{100 + i} {new string((char)('a' + i), 32)} http://data.gdeltproject.org/gdeltv2/2015021823{i}000.export.CSV.zip")))!;
        var urls = master.Exports.Select(e => e.Url.AbsoluteUri).ToArray();

        Assert.Equal([urls[3]], master.NewExports(null, []).Select(e => e.Url.AbsoluteUri));
        Assert.Equal([urls[2], urls[3]], master.NewExports(urls[1], [urls[1]]).Select(e => e.Url.AbsoluteUri));
        Assert.Empty(master.NewExports(urls[3], [urls[3]]));
        // lastupdate.txt moved on past the last one imported: everything listed that was not imported yet.
        Assert.Equal([urls[1], urls[3]], master.NewExports("http://data.gdeltproject.org/gdeltv2/gone.export.CSV.zip", [urls[0], urls[2]]).Select(e => e.Url.AbsoluteUri));
    }

    [Theory]
    [InlineData("150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/2015", true)]
    [InlineData("1 297A16B493DE7CF6CA809A7CC31D0B93 HTTPS://x", true)]
    [InlineData("410412347\t20150218\t201502\t2015\t2015.1315\tUSA", false)]
    [InlineData("date,type,summary\n2019-11-27,AgreementSigned,x", false)]
    [InlineData("150383 297a16b493de7cf6ca809a7cc31d0b9 http://data.gdeltproject.org/", false)]
    [InlineData("150383 297a16b493de7cf6ca809a7cc31d0b93 ftp://data.gdeltproject.org/", false)]
    [InlineData("", false)]
    public void A_file_starting_as_an_index_line_is_told_from_an_events_file_or_a_csv(string start, bool looksLikeIndex) =>
        Assert.Equal(looksLikeIndex, GdeltIndex.LooksLikeStart(start));
}
