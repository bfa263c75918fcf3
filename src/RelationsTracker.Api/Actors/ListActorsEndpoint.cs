using RelationsTracker.Actors;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Relations;
using Wolverine.Http;

namespace RelationsTracker.Api.Actors;

/// <summary>Every actor, by id.</summary>
[Tags("Actors")]
public static class ListActorsEndpoint
{
    [WolverineGet("/api/actors", OperationId = "listActors", Summary = "All actors, by id")]
    [ProducesResponseType<IReadOnlyList<Actor>>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetAll([FromServices] IQuerySession session, CancellationToken ct)
    {
        var actors = await session.Query<Actor>().OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(actors);
    }
}
