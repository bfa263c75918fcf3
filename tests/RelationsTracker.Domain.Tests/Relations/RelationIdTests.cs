using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class RelationIdTests
{
    [Theory]
    [InlineData("TUR", "LBY-EAST", "LBY-EAST~TUR")]
    [InlineData("LBY-EAST", "TUR", "LBY-EAST~TUR")]
    [InlineData("LBY-WEST", "LBY-EAST", "LBY-EAST~LBY-WEST")]
    [InlineData("GRC-1X", "GRC", "GRC~GRC-1X")]
    public void Either_order_gives_the_canonical_id_in_ordinal_order(string a, string b, string canonical)
    {
        Assert.Equal(canonical, RelationId.Of(a, b).ToString());
        Assert.Equal(RelationId.Of(a, b), RelationId.Of(b, a));
    }

    [Theory]
    [InlineData("TUR", "TUR")]
    [InlineData("tur", "GRC")]
    [InlineData("TUR", "")]
    [InlineData("TURK", "GRC")]
    [InlineData("TUR-", "GRC")]
    [InlineData("TUR-east", "GRC")]
    [InlineData("TUR-ABCDEFGHIJKLMNOPQ", "GRC")]
    [InlineData("TUR~GRC", "GRC")]
    public void Refuses_malformed_ids_and_a_pair_of_one_actor(string a, string b)
    {
        Assert.False(RelationId.TryOf(a, b, out _, out var error));
        Assert.NotNull(error);
        Assert.Throws<ArgumentException>(() => RelationId.Of(a, b));
    }

    [Theory]
    [InlineData("TUR~LBY-EAST", "LBY-EAST~TUR")]
    [InlineData("LBY-EAST~TUR", "LBY-EAST~TUR")]
    public void Parses_a_relation_id_in_either_order(string text, string canonical)
    {
        Assert.True(RelationId.TryParse(text, out var relation));
        Assert.Equal(canonical, relation.ToString());
    }

    [Theory]
    [InlineData("TUR")]
    [InlineData("TUR~GRC~LBY")]
    [InlineData("TUR~TUR")]
    [InlineData("")]
    public void Refuses_what_is_not_two_actors(string text) => Assert.False(RelationId.TryParse(text, out _));
}
