using RelationsTracker.Developments;

namespace RelationsTracker.Domain.Tests;

/// <summary>The catalogue's names as a timeline's query lists them: types and significances, comma separated.</summary>
public class TimelineFilterValueTests
{
    [Fact]
    public void Types_are_catalogue_names_each_taken_once()
    {
        Assert.True(DevelopmentTypeFilter.TryParse("OfficialVisit, MilitaryCooperation,OfficialVisit", null, out var filter));
        Assert.Equal([DevelopmentType.OfficialVisit, DevelopmentType.MilitaryCooperation], filter!.Types);
    }

    [Fact]
    public void A_type_list_with_an_unknown_name_or_none_is_refused_naming_what_is_wrong()
    {
        Assert.False(DevelopmentTypeFilter.TryParse("OfficialVisit,Picnic", null, out _));
        Assert.StartsWith("'Picnic' is not a development type of the catalogue", DevelopmentTypeFilter.Problem("OfficialVisit,Picnic"));
        Assert.False(DevelopmentTypeFilter.TryParse(" , ", null, out _));
        Assert.Equal("names no type", DevelopmentTypeFilter.Problem(" , "));
    }

    [Fact]
    public void Significances_are_low_normal_or_high_and_anything_else_refuses_the_list()
    {
        Assert.True(SignificanceFilter.TryParse("high,normal", null, out var filter));
        Assert.True(filter!.Significances.SetEquals([Significance.High, Significance.Normal]));
        Assert.False(SignificanceFilter.TryParse("high,huge", null, out _));
        Assert.False(SignificanceFilter.TryParse(",", null, out _));
    }
}
