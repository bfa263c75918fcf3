using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Developments.Recording;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Relations;
using RelationsTracker.Writing;
using Wolverine.Http;

namespace RelationsTracker.Api.Developments.Retracting;

/// <summary>A development is withdrawn: from this moment of recorded time it stops counting. History keeps it.</summary>
[Tags("Developments")]
public static class RetractDevelopmentEndpoint
{
    public static (DevelopmentTarget<RetractDevelopment>?, IResult) Validate(string id, RetractDevelopmentRequest body, [FromServices] TimeProvider clock) =>
        DevelopmentChange.Target(id, body.ToCommand(clock.Today()));

    // The body is bound on the endpoint method, where Wolverine looks for it; Validate checks it and makes the command.
    [WolverinePost("/api/relations/{a}/{b}/developments/{id}/retraction", OperationId = "retractDevelopment",
        Summary = "Retracts a development: from this moment of recorded time it stops counting")]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Retracted (or, under the same Idempotency-Key, retracted before)")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [ResponseHeader(StatusCodes.Status201Created, "Idempotent-Replayed")]
    [Problems(400, 404, 409, 412, 413, 415, 422, 503)]
    public static Task<IResult> Post(
        RetractDevelopmentRequest body,
        RoutedRelation relation,
        DevelopmentTarget<RetractDevelopment> target,
        [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        [FromHeader(Name = IdempotentResponse.Header)] string? idempotencyKey,
        [FromServices] RelationWriter writer,
        CancellationToken ct)
        => DevelopmentChange.WriteAsync(relation.Id, target, "retraction", ifMatch, idempotencyKey, writer, RetractDevelopment.Decide, ct);
}
