using System.Collections.Concurrent;
using Marten;
using RelationsTracker.Actors;
using RelationsTracker.Api.Http;
using RelationsTracker.Relations;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// The relation named by a route's <c>{a}/{b}</c>, in either order: 400 when malformed, 404 when an actor is
/// unknown. Actors are never deleted, so an actor once seen is remembered and costs no query again.
/// </summary>
public sealed class RouteRelation
{
    private readonly ConcurrentDictionary<string, bool> _knownActors = new(StringComparer.Ordinal);

    public async Task<(RelationId Relation, IResult? Problem)> ResolveAsync(IQuerySession session, string a, string b, CancellationToken ct)
    {
        if (!RelationId.TryOf(a, b, out var relation, out var error))
        {
            var field = !ActorId.IsValid(a) ? "a" : "b";
            return (default, Problems.Validation(field, error!));
        }
        var unseen = relation.Actors.Where(id => !_knownActors.ContainsKey(id)).ToArray();
        if (unseen.Length == 0) return (relation, null);

        var known = await session.LoadManyAsync<Actor>(ct, unseen);
        foreach (var actor in known) _knownActors.TryAdd(actor.Id, true);
        var missing = unseen.Where(id => !_knownActors.ContainsKey(id)).ToList();
        return missing.Count == 0
            ? (relation, null)
            : (default, Problems.NotFound($"No actor {string.Join(" or ", missing)}; create it with PUT /api/actors/{{id}} first."));
    }

    /// <summary>The route's relation for the endpoints' <c>LoadAsync</c> step: the problem stops the request.</summary>
    public async Task<(RoutedRelation?, IResult)> LoadAsync(IQuerySession session, string a, string b, CancellationToken ct)
    {
        var (relation, problem) = await ResolveAsync(session, a, b, ct);
        return problem is null ? (new RoutedRelation(relation), WolverineContinue.Result()) : (null, problem);
    }

    public static string PathOf(RelationId relation) => $"/api/relations/{relation.First}/{relation.Second}";
}
