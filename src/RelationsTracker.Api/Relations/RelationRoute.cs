using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// Wolverine middleware on every route with <c>{a}/{b}</c>: the relation they name, known to the rest of the request as
/// the <see cref="RoutedRelation"/>, or the 400/404 that stops it (<see cref="RouteRelation"/>).
/// </summary>
public static class RelationRoute
{
    public static Task<(RoutedRelation?, IResult)> LoadAsync(string a, string b, [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes, CancellationToken ct) =>
        routes.LoadAsync(session, a, b, ct);

    public static bool Names(HttpChain chain) =>
        chain.RoutePattern is { } route && route.Parameters.Any(p => p.Name == "a") && route.Parameters.Any(p => p.Name == "b");
}
