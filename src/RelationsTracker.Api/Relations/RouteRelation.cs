using Marten;
using RelationsTracker.Api.Actors;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations;

/// <summary>The relation named by a route's <c>{a}/{b}</c>, in either order: 400 when malformed, 404 when an actor is unknown.</summary>
public static class RouteRelation
{
    public static async Task<(RelationId Relation, IResult? Problem)> ResolveAsync(IQuerySession session, string a, string b, CancellationToken ct)
    {
        if (!RelationId.TryOf(a, b, out var relation, out var error))
        {
            var field = !ActorId.IsValid(a) ? "a" : "b";
            return (default, Problems.Validation(field, error!));
        }
        var known = await session.LoadManyAsync<Actor>(ct, relation.First, relation.Second);
        var missing = relation.Actors.Where(id => known.All(actor => actor.Id != id)).ToList();
        return missing.Count == 0
            ? (relation, null)
            : (default, Problems.NotFound($"No actor {string.Join(" or ", missing)}; create it with PUT /api/actors/{{id}} first."));
    }

    public static string PathOf(RelationId relation) => $"/api/relations/{relation.First}/{relation.Second}";
}
