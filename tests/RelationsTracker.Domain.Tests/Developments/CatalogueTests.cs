using RelationsTracker.Developments;

namespace RelationsTracker.Domain.Tests;

public class CatalogueTests
{
    [Fact]
    public void Has_the_36_types_of_scoring_md_each_once()
    {
        Assert.Equal(36, Catalogue.Entries.Count);
        Assert.Equal(Enum.GetValues<DevelopmentType>().Order(), Catalogue.Entries.Select(e => e.Type).Order());
    }

    [Theory]
    [InlineData(DevelopmentType.OfficialVisit, "042", 1.9)]
    [InlineData(DevelopmentType.AgreementSigned, "057", 8.0)]
    [InlineData(DevelopmentType.MissionOpened, "050", 3.5)]
    [InlineData(DevelopmentType.MilitaryCooperation, "062", 7.4)]
    [InlineData(DevelopmentType.AgreementRejected, "120", -4.0)]
    [InlineData(DevelopmentType.MissionClosed, "161", -4.0)]
    [InlineData(DevelopmentType.ArmedConflict, "190", -10.0)]
    [InlineData(DevelopmentType.Statement, "010", 0.0)]
    [InlineData(DevelopmentType.MaterialCooperation, "060", 6.0)]
    [InlineData(DevelopmentType.Yield, "080", 5.0)]
    [InlineData(DevelopmentType.Investigation, "090", -2.0)]
    [InlineData(DevelopmentType.Disapproval, "110", -2.0)]
    [InlineData(DevelopmentType.Protest, "140", -6.5)]
    [InlineData(DevelopmentType.Assault, "180", -9.0)]
    [InlineData(DevelopmentType.MassViolence, "200", -10.0)]
    public void Each_event_record_knows_its_CAMEO_code_and_weight(DevelopmentType type, string cameo, double weight)
    {
        var recorded = DevelopmentRecorded.Blank(type);
        Assert.Equal(type, recorded.Type);
        Assert.Equal(type.ToString(), recorded.GetType().Name);
        Assert.Equal(cameo, recorded.Cameo);
        Assert.Equal(weight, recorded.Weight);
    }

    [Fact]
    public void Agreement_and_mission_types_have_their_shape_and_event_base()
    {
        foreach (var entry in Catalogue.Entries)
        {
            var recorded = DevelopmentRecorded.Blank(entry.Type);
            Assert.Equal(entry.Shape == DevelopmentShape.Agreement, recorded is AgreementDevelopment);
            Assert.Equal(entry.Shape == DevelopmentShape.Mission, recorded is MissionDevelopment);
        }
    }

    [Theory]
    [InlineData("OfficialVisit", true)]
    [InlineData("officialVisit", false)]
    [InlineData("OFFICIALVISIT", false)]
    [InlineData("Official Visit", false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    public void Type_names_are_exact_and_case_sensitive(string name, bool valid) =>
        Assert.Equal(valid, Catalogue.TryParseType(name, out _));

    [Theory]
    [InlineData("low", 0.5)]
    [InlineData("normal", 1.0)]
    [InlineData("high", 1.5)]
    public void Significance_multiplies_the_weight(string name, double multiplier)
    {
        Assert.True(SignificanceScale.TryParse(name, out var significance));
        Assert.Equal(multiplier, significance.Multiplier());
        Assert.Equal(name, significance.Name());
    }

    [Theory]
    [InlineData("High")]
    [InlineData("medium")]
    [InlineData("")]
    public void Significance_is_an_exact_word(string name) => Assert.False(SignificanceScale.TryParse(name, out _));

    [Fact]
    public void Every_CAMEO_root_from_01_to_20_maps_to_a_type()
    {
        for (var root = 1; root <= 20; root++)
        {
            var code = $"{root:D2}";
            var (type, _, error) = Importing.CameoMapping.Map(code + "9", code + "9", code);
            Assert.True(type is not null, $"root {code}: {error}");
        }
    }
}
