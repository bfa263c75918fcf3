using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Developments.Recording;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Writing;
using Wolverine.Http;

namespace RelationsTracker.Api.Developments.Correcting;

/// <summary>Fields of a development are corrected: reads with a knownAt from this moment on use the new values.</summary>
[Tags("Developments")]
public static class CorrectDevelopmentEndpoint
{
    [WolverinePost("/api/relations/{a}/{b}/developments/{id}/correction", OperationId = "correctDevelopment",
        Summary = "Corrects fields of a development: reads known from this moment of recorded time use the new values")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB, ApiParameters.DevelopmentId, ApiParameters.IfMatchHeader, ApiParameters.IdempotencyKey)]
    [JsonRequestBody(typeof(CorrectDevelopmentBody))]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Corrected (or, under the same Idempotency-Key, corrected before)")]
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
        => DevelopmentChange.HandleAsync<CorrectDevelopment>(a, b, id, "correction", request, session, routes, writer, clock,
            CorrectDevelopmentRequest.Parse, CorrectDevelopment.Decide, ct);
}
