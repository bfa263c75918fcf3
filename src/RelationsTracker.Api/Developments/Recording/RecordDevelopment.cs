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
    public static (RecordDevelopment?, IResult) Validate(RecordDevelopmentRequest body, RoutedRelation relation, [FromServices] TimeProvider clock)
    {
        var (command, errors) = body.ToCommand(relation.Id, clock.Today());
        return (command, errors.Any ? Problems.Validation(errors) : WolverineContinue.Result());
    }

    [WolverinePost("/api/relations/{a}/{b}/developments", OperationId = "recordDevelopment", Summary = "Records a development in a relation")]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Recorded (or, under the same Idempotency-Key, recorded before)")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [ResponseHeader(StatusCodes.Status201Created, "Idempotent-Replayed")]
    [Problems(400, 404, 412, 413, 415, 422, 503)]
    // The body is bound here, where Wolverine looks for it; Validate checks it and makes the command.
    public static async Task<IResult> Post(
        RecordDevelopmentRequest body,
        RoutedRelation relation,
        RecordDevelopment command,
        [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        [FromHeader(Name = IdempotentResponse.Header)] string? idempotencyKey,
        [FromServices] RelationWriter writer,
        CancellationToken ct)
    {
        var (conditions, headerProblem) = WriteConditions.Of(ifMatch, idempotencyKey, Route(relation.Id), command);
        if (headerProblem is not null) return headerProblem;

        var developmentId = Guid.CreateVersion7();
        return (await writer.WriteAsync(relation.Id, conditions!,
            (_, state) => Task.FromResult(RecordDevelopment.Decide(command, state, developmentId)), RecordedAnswer.For(developmentId), ct)).ToResult();
    }

    /// <summary>The route as idempotency fingerprints name it.</summary>
    public static string Route(RelationId relation) => $"POST {RouteRelation.PathOf(relation)}/developments";
}
