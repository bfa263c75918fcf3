using RelationsTracker.Developments;
using RelationsTracker.Importing;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Domain.Tests;

/// <summary>
/// A write request's checks, as the POST, an import row and the demo all run them: every bad field named at once, and a
/// good request made into its command. No host.
/// </summary>
public class RequestCheckTests
{
    private static readonly RelationId LibyaTurkey = RelationId.Of("LBY-EAST", "TUR");
    private static readonly DateOnly Today = new(2025, 12, 1);

    private static RecordDevelopmentRequest Visit => new()
    {
        Type = "OfficialVisit", OccurredOn = "2025-04-04", Actor = "TUR", Summary = "A visit", Significance = "high",
        Sources = [new SourceRequest { Url = "https://example.org/x", Language = "ar" }],
    };

    [Fact]
    public void A_good_request_becomes_its_command()
    {
        var (command, errors) = Visit.ToCommand(LibyaTurkey, Today);
        Assert.False(errors.Any);
        Assert.Equal(DevelopmentType.OfficialVisit, command!.Type);
        Assert.Equal(OccurrenceDate.Parse("2025-04-04"), command.OccurredOn);
        Assert.Equal(Significance.High, command.Significance);
        Assert.Equal("ar", Assert.Single(command.Sources).Language);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var request = Visit with
        {
            Type = "Visit", OccurredOn = "2999-01-01", Actor = "GRC", Summary = "  ", Significance = "HIGH",
            Sources = [new SourceRequest { Url = "ftp://example.org/x" }, new SourceRequest { Publisher = "X" }],
        };
        var (command, errors) = request.ToCommand(LibyaTurkey, Today);
        Assert.Null(command);
        Assert.Equal(["actor", "occurredOn", "significance", "sources[0].url", "sources[1]", "summary", "type"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("MissionOpened", "mission")]
    [InlineData("AgreementSigned", "agreement")]
    public void A_type_that_needs_more_says_what(string type, string field)
    {
        var (_, errors) = (Visit with { Type = type }).ToCommand(LibyaTurkey, Today);
        Assert.Equal([field], errors.ToDictionary().Keys.ToArray());
    }

    [Fact]
    public void A_correction_must_name_something_to_correct()
    {
        var (command, errors) = new CorrectDevelopmentRequest { Reason = "Misdated" }.ToCommand(Today);
        Assert.Null(command);
        Assert.Equal(["body"], errors.ToDictionary().Keys.ToArray());
    }

    [Fact]
    public void An_import_row_is_refused_with_the_POSTs_reason_prefixed_by_its_field()
    {
        var (header, _) = CsvHeader.Parse(ImportRows.CsvColumns);
        var row = ImportRows.FromCsv(2, ["LBY-EAST~TUR", "OfficialVisit", "2025-02-30", "TUR", "high", "A visit", "https://example.org/x"], header!, Today);
        Assert.Null(row.Candidate);
        Assert.StartsWith("occurredOn: '2025-02-30' is not", row.Rejected!.Reason);
    }

    [Theory]
    [InlineData("\u202eyekruT", "overrides")]
    [InlineData("Turkey \u202a", "overrides")]
    [InlineData("\u2067open", "isolate")]
    [InlineData("close\u2069", "isolate")]
    [InlineData("\u200b\u200b", "invisible")]
    [InlineData("\u200f\u200e", "invisible")]
    [InlineData(" \t ", "invisible")]
    [InlineData("a\u007fb", "control")]
    [InlineData("a\u0085b", "control")]
    [InlineData("a\u0000b", "control")]
    public void Text_that_would_lie_or_show_nothing_is_refused(string text, string why)
    {
        var problem = DevelopmentFields.TextProblem(text, 100);
        Assert.NotNull(problem);
        Assert.Contains(why, problem);
    }

    [Theory]
    [InlineData("زيارة رسمية إلى بنغازي")]
    [InlineData("\u200fالقاهرة\u200c")]
    [InlineData("Ankara \u2067بنغازي\u2069 visit")]
    [InlineData("Line one\nline two\ttabbed")]
    [InlineData("🇹🇷 and 🇱🇾")]
    public void Text_Arabic_needs_and_ordinary_text_stay(string text) =>
        Assert.Null(DevelopmentFields.TextProblem(text, 100));

    [Theory]
    [InlineData("043", 2.8)]
    [InlineData("0431", null)]
    [InlineData("040", 1.0)]
    public void An_exact_CAMEO_code_sets_the_weight(string cameo, double? weight)
    {
        var (command, errors) = (Visit with { Type = "Consultation", Cameo = cameo }).ToCommand(LibyaTurkey, Today);
        if (weight is null)
        {
            Assert.Equal(["cameo"], errors.ToDictionary().Keys.ToArray());
            return;
        }
        var recorded = (DevelopmentRecorded)RecordDevelopment.Decide(command!, null, Guid.NewGuid()).Events[0];
        var facts = Development.Recorded("LBY-EAST~TUR", recorded, DateTimeOffset.UnixEpoch, 1).FieldsKnownAt(DateTimeOffset.MaxValue)!;
        Assert.Equal(weight.Value, facts.Weight);
        Assert.Equal(weight.Value * 1.5, facts.SignedWeight, 9);
    }

    [Theory]
    [InlineData("OfficialVisit", "051")]
    [InlineData("OfficialVisit", "04")]
    [InlineData("OfficialVisit", "0499")]
    [InlineData("Aid", "x70")]
    public void A_CAMEO_code_not_listed_or_not_of_the_types_root_is_refused(string type, string cameo)
    {
        var (_, errors) = (Visit with { Type = type, Cameo = cameo }).ToCommand(LibyaTurkey, Today);
        Assert.Equal(["cameo"], errors.ToDictionary().Keys.ToArray());
    }

    [Fact]
    public void The_scale_is_the_published_table()
    {
        Assert.Equal(2.8, CameoScale.Codes["043"].Value);
        Assert.Equal(-6.5, CameoScale.Codes["163"].Value);
        Assert.Equal("Host a visit", CameoScale.Codes["043"].Description);
        Assert.True(CameoScale.Codes.Count > 250);
    }
}
