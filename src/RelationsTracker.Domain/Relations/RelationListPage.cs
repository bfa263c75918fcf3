namespace RelationsTracker.Relations;

/// <summary>
/// One page of the relation list: relations in the ordinal order of their ids, after the id a cursor holds, only one
/// actor's when asked, at most a page's worth, with their stream versions; and the id the next page starts after
/// (null: this page is the last).
/// </summary>
public sealed record RelationListPage(IReadOnlyList<(RelationId Relation, long Version)> Relations, string? NextAfter)
{
    /// <param name="all">Every relation's id and stream version, in any order.</param>
    public static RelationListPage Of(IEnumerable<(string Id, long Version)> all, string? after, string? actor, int limit)
    {
        var page = all
            .Where(r => after is null || string.CompareOrdinal(r.Id, after) > 0)
            .Where(r => actor is null || r.Id.Split('~').Contains(actor))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var relations = page.Take(limit)
            .Select(r => (Ok: RelationId.TryParse(r.Id, out var relation), Relation: relation, r.Version))
            .Where(r => r.Ok)
            .Select(r => (r.Relation, r.Version))
            .ToList();
        return new RelationListPage(relations, page.Count > limit ? page[limit - 1].Id : null);
    }
}
