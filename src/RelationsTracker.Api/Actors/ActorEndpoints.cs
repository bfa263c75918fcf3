using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Relations;
using Wolverine.Http;

namespace RelationsTracker.Api.Actors;

[Tags("Actors")]
public static class ActorEndpoints
{
    public const int MaxName = 200;
    public const int MaxDescription = 2000;

    [WolverineGet("/api/actors", OperationId = "listActors", Summary = "All actors, by id")]
    [ProducesResponseType<IReadOnlyList<Actor>>(StatusCodes.Status200OK)]
    public static async Task<IResult> GetAll([FromServices] IQuerySession session, CancellationToken ct)
    {
        var actors = await session.Query<Actor>().OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(actors);
    }

    /// <summary>Creates (201) or renames (200) an actor.</summary>
    [WolverinePut("/api/actors/{id}", OperationId = "putActor", Summary = "Creates (201) or renames (200) an actor")]
    [Parameters(ApiParameters.ActorIdInRoute)]
    [JsonRequestBody(typeof(PutActorBody))]
    [ProducesResponseType<Actor>(StatusCodes.Status200OK, Description = "Renamed")]
    [ProducesResponseType<Actor>(StatusCodes.Status201Created, Description = "Created")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [Problems(400, 413, 415)]
    public static async Task<IResult> Put(string id, HttpRequest request, [FromServices] IDocumentSession session, CancellationToken ct)
    {
        if (!ActorId.IsValid(id)) return Problems.Validation("id", $"'{id}' is not {ActorId.Description}");

        var (document, problem) = await JsonBody.ReadAsync(request, ct);
        if (problem is not null) return problem;
        using var _ = document;

        var errors = new FieldErrors();
        var body = JsonObjectReader.ForBody(document!.RootElement, errors);
        var name = body?.String("name", required: true, MaxName);
        var description = body?.String("description", required: false, MaxDescription);
        body?.RejectUnknownProperties();
        if (errors.Any) return errors.ToProblem();

        var existing = await session.LoadAsync<Actor>(id, ct);
        var actor = new Actor(id, name!, description);
        session.Store(actor);
        await session.SaveChangesAsync(ct);
        return existing is null
            ? TypedResults.Created($"/api/actors/{id}", actor)
            : TypedResults.Ok(actor);
    }
}
