using RelationsTracker.Developments;
using RelationsTracker.Importing;
using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class TextRecordsTests
{
    private static List<TextRecord> Csv(string text) => TextRecords.CommaSeparated(new StringReader(text)).ToList();

    [Fact]
    public void Csv_fields_may_be_quoted_hold_commas_doubled_quotes_and_line_breaks_and_each_record_knows_its_first_line()
    {
        var records = Csv("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"two\nlines\",z\n3,,\"\"");

        Assert.Equal([1L, 2L, 4L, 6L], records.Select(r => r.Line));
        Assert.All(records, r => Assert.False(r.IsBad));
        Assert.Equal(["1", "x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["2", "two\nlines", "z"], records[2].Fields);
        Assert.Equal(["3", "", ""], records[3].Fields);
    }

    [Fact]
    public void A_malformed_csv_record_is_reported_with_its_line_and_the_next_record_is_read()
    {
        var records = Csv("h\nfine\nbro\"ken\n\"closed\"trailing\nlast");

        Assert.Equal([1L, 2L, 3L, 4L, 5L], records.Select(r => r.Line));
        Assert.Contains("quote inside a field", records[2].Error);
        Assert.Contains("follows the closing quote", records[3].Error);
        Assert.Equal(["last"], records[4].Fields);
    }

    [Fact]
    public void An_unclosed_quote_is_one_bad_record_and_memory_stays_bounded()
    {
        var records = Csv("h\n\"never closed," + new string('x', TextRecords.MaxRecordLength * 3));
        Assert.Equal(2, records.Count);
        Assert.True(records[1].IsBad);
    }

    [Fact]
    public void Tab_separated_lines_split_on_tabs_skip_blank_lines_and_report_overlong_ones()
    {
        var records = TextRecords.TabSeparated(new StringReader("a\tb\r\n\n\tc\t\n" + new string('x', TextRecords.MaxRecordLength + 1) + "\nend")).ToList();

        Assert.Equal([1L, 3L, 4L, 5L], records.Select(r => r.Line));
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["", "c", ""], records[1].Fields);
        Assert.True(records[2].IsBad);
        Assert.Equal(["end"], records[3].Fields);
    }
}

public class CameoMappingTests
{
    [Theory]
    [InlineData("042", "042", "04", DevelopmentType.OfficialVisit)]      // the code itself
    [InlineData("0421", "042", "04", DevelopmentType.OfficialVisit)]     // by its base code
    [InlineData("043", "043", "04", DevelopmentType.Consultation)]       // host a visit: by its root 04
    [InlineData("0256", "025", "02", DevelopmentType.Appeal)]
    [InlineData("011", "011", "01", DevelopmentType.Statement)]
    [InlineData("057", "057", "05", DevelopmentType.DiplomaticCooperation)] // AgreementSigned needs an agreement: the root
    [InlineData("050", "050", "05", DevelopmentType.DiplomaticCooperation)] // not MissionOpened, which needs a mission
    [InlineData("120", "120", "12", DevelopmentType.Rejection)]
    [InlineData("161", "161", "16", DevelopmentType.RelationsReduced)]   // MissionClosed needs a mission
    [InlineData("1382", "138", "13", DevelopmentType.MilitaryThreat)]
    [InlineData("166", "166", "16", DevelopmentType.Sanctions)]
    [InlineData("195", "195", "19", DevelopmentType.ArmedConflict)]
    public void A_code_maps_by_itself_then_its_base_then_its_root(string code, string baseCode, string root, DevelopmentType expected)
    {
        var (type, _, error) = CameoMapping.Map(code, baseCode, root);
        Assert.Null(error);
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("063", "063", "06", DevelopmentType.MaterialCooperation)]
    [InlineData("0874", "087", "08", DevelopmentType.Yield)]
    [InlineData("092", "092", "09", DevelopmentType.Investigation)]
    [InlineData("113", "113", "11", DevelopmentType.Disapproval)]
    [InlineData("141", "141", "14", DevelopmentType.Protest)]
    [InlineData("1823", "182", "18", DevelopmentType.Assault)]
    [InlineData("204", "204", "20", DevelopmentType.MassViolence)]
    public void The_roots_without_a_type_before_catalogue_version_2_map_to_its_new_types(string code, string baseCode, string root, DevelopmentType expected)
    {
        var (type, _, error) = CameoMapping.Map(code, baseCode, root);
        Assert.True(type == expected, error);
    }

    [Theory]
    [InlineData("2101", "210", "21")]
    [InlineData("99", "99", "99")]
    public void A_code_with_no_catalogue_type_at_any_level_is_reported_not_guessed(string code, string baseCode, string root)
    {
        var (type, _, error) = CameoMapping.Map(code, baseCode, root);
        Assert.Null(type);
        Assert.StartsWith($"CAMEO {code} has no catalogue type", error);
    }

    [Fact]
    public void Something_that_is_not_a_code_is_reported()
    {
        Assert.Contains("is not a CAMEO code", CameoMapping.Map("04x", "04", "04").Error);
        Assert.Contains("is not a CAMEO code", CameoMapping.Map("", "", "").Error);
    }

    [Fact]
    public void Descriptions_come_from_the_most_specific_known_level()
    {
        Assert.Equal("Make a visit", CameoMapping.Describe("0421", "042", "04"));
        Assert.Equal("Consult", CameoMapping.Describe("0431", "043x", "04"));
    }
}

public class ActorMappingTests
{
    private static ActorMapping Table(params ActorRule[] rules) => ActorMapping.Create(rules).Mapping!;

    [Fact]
    public void Marker_rules_of_a_country_are_tried_before_its_plain_rule_whatever_their_order()
    {
        var mapping = Table(
            new ActorRule { Country = "LBY", Actor = "LBY" },
            new ActorRule { Country = "LBY", Actor = "LBY-EAST", Markers = ["HAFTAR", "BENGHAZI"] },
            new ActorRule { Country = "LBY", Actor = "LBY-WEST", Markers = ["TRIPOLI"] });

        Assert.Equal("LBY-EAST", mapping.Find(new GdeltActor("LBYMIL", "KHALIFA HAFTAR", "LBY", ""))?.Actor);
        Assert.Equal("LBY-EAST", mapping.Find(new GdeltActor("LBY", "Benghazi", "LBY", ""))?.Actor);
        Assert.Equal("LBY-WEST", mapping.Find(new GdeltActor("LBYGOV", "TRIPOLI", "LBY", ""))?.Actor);
        Assert.Equal("LBY", mapping.Find(new GdeltActor("LBY", "LIBYA", "LBY", ""))?.Actor);
    }

    [Fact]
    public void Without_a_plain_rule_an_actor_without_a_marker_is_not_mapped_and_neither_is_another_country()
    {
        var mapping = Table(new ActorRule { Country = "LBY", Actor = "LBY-EAST", Markers = ["HAFTAR"] }, new ActorRule { Country = "TUR", Actor = "TUR" });

        Assert.Null(mapping.Find(new GdeltActor("LBY", "LIBYA", "LBY", "")));
        Assert.Null(mapping.Find(new GdeltActor("USA", "UNITED STATES", "USA", "")));
        Assert.Null(mapping.Find(new GdeltActor("GOV", "PRESIDENT", "", "")));
        Assert.Equal("LBY-EAST", mapping.Find(new GdeltActor("LBY", "", "LBY", "haftar forces"))?.Actor);
    }

    [Fact]
    public void A_wrong_table_is_refused_with_each_error()
    {
        var (mapping, errors) = ActorMapping.Create([new ActorRule { Country = "tr", Actor = "turkey" }, new ActorRule { Country = "LBY", Actor = "LBY-EAST", Markers = [" "] }]);
        Assert.Null(mapping);
        Assert.Equal(3, errors.Count);
    }
}

public class ImportedDevelopmentTests
{
    private const string Url = "http://www.presstv.com/Detail/2016/10/13/488897/Iraq-Turkey-Bashiqa--Prime-Minister-Haider-alAbad-Saad-alHadithi-Erdogan";
    private static readonly RelationId IraqTurkey = RelationId.Of("TUR", "IRQ");

    [Fact]
    public void Ids_are_deterministic_name_based_and_told_apart_from_api_ids()
    {
        var id = ImportedDevelopment.IdOfGdeltEvent(IraqTurkey, "130", "20161013", Url);
        Assert.Equal(id, ImportedDevelopment.IdOfGdeltEvent(RelationId.Of("IRQ", "TUR"), "130", "20161013", Url));
        Assert.NotEqual(id, ImportedDevelopment.IdOfGdeltEvent(IraqTurkey, "131", "20161013", Url));
        Assert.NotEqual(id, ImportedDevelopment.IdOfGdeltEvent(IraqTurkey, "130", "20161014", Url));
        Assert.NotEqual(id, ImportedDevelopment.IdOfGdeltEvent(IraqTurkey, "130", "20161013", Url + "/"));
        Assert.Equal(5, id.Version);
        Assert.True(ImportedDevelopment.IsImported(id));
        Assert.False(ImportedDevelopment.IsImported(Guid.CreateVersion7()));
        Assert.NotEqual(ImportedDevelopment.IdOfCsvRow(["a", "b"]), ImportedDevelopment.IdOfCsvRow(["ab"]));
    }

    [Fact]
    public void Ids_are_rfc_9562_version_5_uuids_so_another_implementation_finds_the_same()
    {
        // Python's uuid.uuid5(UUID('6d1f3a52-8b0e-4c47-9a43-52e3b7c1d9f0'), 'gdelt-event:IRQ~TUR\x1f130\x1f20161013\x1f' + url).
        Assert.Equal(new Guid("09d9ffc4-6bf0-5e4f-a359-8b83b94e558c"), ImportedDevelopment.IdOfGdeltEvent(IraqTurkey, "130", "20161013", Url));
    }
}
