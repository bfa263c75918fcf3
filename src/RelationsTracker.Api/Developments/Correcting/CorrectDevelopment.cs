using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Developments.Recording;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Relations;
using RelationsTracker.Writing;
using Wolverine.Http;

namespace RelationsTracker.Api.Developments.Correcting;

/// <summary>Fields of a development are corrected: reads with a knownAt from this moment on use the new values.</summary>
[Tags("Developments")]
public static class CorrectDevelopmentEndpoint
{
    public static (DevelopmentTarget<CorrectDevelopment>?, IResult) Validate(string id, CorrectDevelopmentRequest body, [FromServices] TimeProvider clock) =>
        DevelopmentChange.Target(id, body.ToCommand(clock.Today()));

    // The body is bound on the endpoint method, where Wolverine looks for it; Validate checks it and makes the command.
    [WolverinePost("/api/relations/{a}/{b}/developments/{id}/correction", OperationId = "correctDevelopment",
        Summary = "Corrects fields of a development: reads known from this moment of recorded time use the new values")]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Corrected (or, under the same Idempotency-Key, corrected before)")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [ResponseHeader(StatusCodes.Status201Created, "Idempotent-Replayed")]
    [Problems(400, 404, 409, 412, 413, 415, 422, 503)]
    public static Task<IResult> Post(
        CorrectDevelopmentRequest body,
        RoutedRelation relation,
        DevelopmentTarget<CorrectDevelopment> target,
        [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        [FromHeader(Name = IdempotentResponse.Header)] string? idempotencyKey,
        [FromServices] RelationWriter writer,
        CancellationToken ct)
        => DevelopmentChange.WriteAsync(relation.Id, target, "correction", ifMatch, idempotencyKey, writer, CorrectDevelopment.Decide, ct);
}
