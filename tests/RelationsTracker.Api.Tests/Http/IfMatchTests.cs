using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Tests;

/// <summary>If-Match as RFC 9110 writes it: what each form means for a relation at version 3, and what is refused.</summary>
public class IfMatchTests
{
    [Theory]
    [InlineData("*", true)]
    [InlineData("\"3\"", true)]
    [InlineData("\"2\", \"3\"", true)]
    [InlineData("\"2\"", false)]
    [InlineData("W/\"3\"", false)] // a weak tag never matches under If-Match's strong comparison
    [InlineData("\"three\"", false)] // well-formed, but no version of ours
    public void A_well_formed_If_Match_matches_only_the_versions_it_names(string header, bool matchesThree)
    {
        Assert.True(IfMatch.TryParse(header, out var ifMatch, out var error));
        Assert.Null(error);
        Assert.Equal(matchesThree, ifMatch!.Matches(3));
    }

    [Fact]
    public void No_If_Match_is_no_condition()
    {
        Assert.True(IfMatch.TryParse(null, out var ifMatch, out var error));
        Assert.Null(ifMatch);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("\"3")]
    [InlineData("\"3\" junk")]
    public void A_malformed_If_Match_is_refused_with_the_reason(string header)
    {
        Assert.False(IfMatch.TryParse(header, out _, out var error));
        Assert.StartsWith("If-Match must be * or a list of quoted entity tags", error);
    }
}
