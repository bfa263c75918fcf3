using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

/// <summary>A relation and an actor as a query names them.</summary>
public class QueryNameTests
{
    [Fact]
    public void A_relation_is_named_in_either_order_and_read_canonically()
    {
        Assert.True(RelationName.TryParse("TUR~LBY-EAST", null, out var relation));
        Assert.Equal("LBY-EAST~TUR", relation.Id.ToString());
        Assert.False(RelationName.TryParse("TUR~TUR", null, out _));
        Assert.Equal("'TUR' is not a relation such as LBY-EAST~TUR", RelationName.Problem("TUR"));
    }

    [Fact]
    public void An_actor_is_an_actor_id()
    {
        Assert.True(ActorName.TryParse("LBY-EAST", null, out var actor));
        Assert.Equal("LBY-EAST", actor.Id);
        Assert.False(ActorName.TryParse("lby east", null, out _));
        Assert.StartsWith("'lby east' is not ", ActorName.Problem("lby east"));
    }
}
