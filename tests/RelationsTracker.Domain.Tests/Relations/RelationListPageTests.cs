using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class RelationListPageTests
{
    private static readonly (string Id, long Version)[] All =
        [("LBY-EAST~TUR", 40), ("EGY~TUR", 3), ("GRC~TUR", 7), ("EGY~LBY-EAST", 2), ("not a relation", 1)];

    [Fact]
    public void Pages_go_in_id_order_each_after_the_last_id_of_the_one_before()
    {
        var first = RelationListPage.Of(All, after: null, actor: null, limit: 2);
        Assert.Equal([(RelationId.Of("EGY", "LBY-EAST"), 2L), (RelationId.Of("EGY", "TUR"), 3L)], first.Relations);
        Assert.Equal("EGY~TUR", first.NextAfter);

        var second = RelationListPage.Of(All, first.NextAfter, null, 2);
        Assert.Equal([(RelationId.Of("GRC", "TUR"), 7L), (RelationId.Of("LBY-EAST", "TUR"), 40L)], second.Relations);
        Assert.NotNull(second.NextAfter);

        // An id that is not a relation's is passed over, not shown.
        var third = RelationListPage.Of(All, second.NextAfter, null, 2);
        Assert.Empty(third.Relations);
        Assert.Null(third.NextAfter);
    }

    [Fact]
    public void An_actors_list_holds_only_the_relations_it_is_in()
    {
        var page = RelationListPage.Of(All, null, "LBY-EAST", 10);
        Assert.Equal([RelationId.Of("EGY", "LBY-EAST"), RelationId.Of("LBY-EAST", "TUR")], page.Relations.Select(r => r.Relation));
        Assert.Null(page.NextAfter);
        // An actor id is matched whole: TUR is not in EGY~TURK.
        Assert.Empty(RelationListPage.Of([("EGY~TURK", 1)], null, "TUR", 10).Relations);
    }
}
