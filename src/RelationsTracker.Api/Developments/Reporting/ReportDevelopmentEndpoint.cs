using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Writing;
using Wolverine.Http;

namespace RelationsTracker.Api.Developments.Reporting;

/// <summary>Another source reports on a development: it confirms or disputes it (scoring.md, "Corroboration").</summary>
[Tags("Developments")]
public static class ReportDevelopmentEndpoint
{
    public static (DevelopmentTarget<ReportDevelopment>?, IResult) Validate(string id, ReportRequest body, [FromServices] TimeProvider clock) =>
        DevelopmentChange.Target(id, body.ToCommand(clock.Today(), Guid.CreateVersion7()));

    // The body is bound on the endpoint method, where Wolverine looks for it; Validate checks it and makes the command.
    [WolverinePost("/api/relations/{a}/{b}/developments/{id}/reports", OperationId = "reportOnDevelopment",
        Summary = "Records another source's report on a development, confirming or disputing it")]
    [ProducesResponseType<ReportedAnswer>(StatusCodes.Status201Created, Description = "Recorded (or, under the same Idempotency-Key, recorded before)")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [ResponseHeader(StatusCodes.Status201Created, "Idempotent-Replayed")]
    [Problems(400, 404, 409, 412, 413, 415, 422, 503)]
    public static Task<IResult> Post(
        ReportRequest body,
        RoutedRelation relation,
        DevelopmentTarget<ReportDevelopment> target,
        [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        [FromHeader(Name = IdempotentResponse.Header)] string? idempotencyKey,
        [FromServices] RelationWriter writer,
        CancellationToken ct)
        => DevelopmentChange.WriteAsync(relation.Id, target, "reports", ifMatch, idempotencyKey, writer, ReportDevelopment.Decide, ct,
            ReportedAnswer.For(target.Command.ReportId, target.DevelopmentId));
}
