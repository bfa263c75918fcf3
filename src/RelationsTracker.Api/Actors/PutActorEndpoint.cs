using RelationsTracker.Actors;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Relations;
using Wolverine.Http;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Actors;

/// <summary>An analyst creates an actor, or renames one.</summary>
[Tags("Actors")]
public static class PutActorEndpoint
{
    public static (Actor?, IResult) Validate(string id, PutActorRequest body)
    {
        if (!ActorId.IsValid(id)) return (null, Problems.Validation("id", $"'{id}' is not {ActorId.Description}"));
        var (actor, errors) = body.ToActor(id);
        return (actor, errors.Any ? Problems.Validation(errors) : WolverineContinue.Result());
    }

    /// <summary>Creates (201) or replaces (200) an actor: its name, description and GDELT mapping are the body's.</summary>
    [WolverinePut("/api/actors/{id}", OperationId = "putActor", Summary = "Creates (201) or replaces (200) an actor: its name, description and GDELT mapping")]
    [ProducesResponseType<Actor>(StatusCodes.Status200OK, Description = "Renamed")]
    [ProducesResponseType<Actor>(StatusCodes.Status201Created, Description = "Created")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [Problems(400, 413, 415)]
    // The body is bound here, where Wolverine looks for it; Validate checks it and makes the actor.
    public static async Task<IResult> Put(string id, PutActorRequest body, Actor actor, [FromServices] IDocumentSession session, CancellationToken ct)
    {
        var existing = await session.LoadAsync<Actor>(id, ct);
        session.Store(actor);
        await session.SaveChangesAsync(ct);
        return existing is null
            ? TypedResults.Created($"/api/actors/{id}", actor)
            : TypedResults.Ok(actor);
    }
}
