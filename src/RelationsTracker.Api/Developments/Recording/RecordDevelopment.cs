using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Relations;
using RelationsTracker.Writing;
using Wolverine.Http;

namespace RelationsTracker.Api.Developments.Recording;

/// <summary>An analyst records a development in a relation (api.md, "Recording a development").</summary>
[Tags("Developments")]
public static class RecordDevelopmentEndpoint
{
    [WolverinePost("/api/relations/{a}/{b}/developments", OperationId = "recordDevelopment", Summary = "Records a development in a relation")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB, ApiParameters.IfMatchHeader, ApiParameters.IdempotencyKey)]
    [JsonRequestBody(typeof(RecordDevelopmentBody))]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Recorded (or, under the same Idempotency-Key, recorded before)")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [ResponseHeader(StatusCodes.Status201Created, "Idempotent-Replayed")]
    [Problems(400, 404, 412, 413, 415, 422, 503)]
    public static async Task<IResult> Post(
        string a,
        string b,
        HttpRequest request,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationWriter writer,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (relation, routeProblem) = await routes.ResolveAsync(session, a, b, ct);
        if (routeProblem is not null) return routeProblem;

        var (document, bodyProblem) = await JsonBody.ReadAsync(request, ct);
        if (bodyProblem is not null) return bodyProblem;
        using var _ = document;

        var (command, errors) = RecordDevelopmentRequest.Parse(document!.RootElement, relation, clock.Today());
        if (errors.Any) return errors.ToProblem();

        if (!WriteConditions.TryRead(request, Route(relation), command!, out var conditions, out var headerProblem))
            return headerProblem!;

        var developmentId = Guid.CreateVersion7();
        return await writer.WriteAsync(relation, conditions,
            (_, state) => Task.FromResult(RecordDevelopment.Decide(command!, state, developmentId)), RecordedAnswer.For(developmentId), ct);
    }

    /// <summary>The route as idempotency fingerprints name it.</summary>
    public static string Route(RelationId relation) => $"POST {RouteRelation.PathOf(relation)}/developments";
}
