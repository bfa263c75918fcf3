using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Developments.Recording;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Writing;
using Wolverine.Http;

namespace RelationsTracker.Api.Developments.Retracting;

/// <summary>A development is withdrawn: from this moment of recorded time it stops counting. History keeps it.</summary>
[Tags("Developments")]
public static class RetractDevelopmentEndpoint
{
    [WolverinePost("/api/relations/{a}/{b}/developments/{id}/retraction", OperationId = "retractDevelopment",
        Summary = "Retracts a development: from this moment of recorded time it stops counting")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB, ApiParameters.DevelopmentId, ApiParameters.IfMatchHeader, ApiParameters.IdempotencyKey)]
    [JsonRequestBody(typeof(RetractDevelopmentBody))]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Retracted (or, under the same Idempotency-Key, retracted before)")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [ResponseHeader(StatusCodes.Status201Created, "Idempotent-Replayed")]
    [Problems(400, 404, 409, 412, 413, 415, 422, 503)]
    public static Task<IResult> Post(
        string a,
        string b,
        string id,
        HttpRequest request,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationWriter writer,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
        => DevelopmentChange.HandleAsync<RetractDevelopment>(a, b, id, "retraction", request, session, routes, writer, clock,
            RetractDevelopmentRequest.Parse, RetractDevelopment.Decide, ct);
}
