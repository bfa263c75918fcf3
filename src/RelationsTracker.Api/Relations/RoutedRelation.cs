using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// The relation a route's <c>{a}/{b}</c> names, both actors known: what the endpoints' <c>LoadAsync</c> step gives
/// the rest of the request (a <see cref="RelationId"/> alone would be bound from the query string).
/// </summary>
public sealed record RoutedRelation(RelationId Id);
