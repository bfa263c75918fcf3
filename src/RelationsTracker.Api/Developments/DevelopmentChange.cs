using Marten;
using RelationsTracker.Api.Developments.Recording;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Writing;
using Wolverine.Http;

namespace RelationsTracker.Api.Developments;

/// <summary>
/// What retracting, correcting and reporting on a development share: the development the route names, the write conditions, and a
/// decision on the development as last committed.
/// </summary>
public static class DevelopmentChange
{
    public delegate Decision Decide<in TCommand>(TCommand command, RelationId relation, Guid developmentId, Development? development);

    /// <summary>The route's development id for the endpoints' <c>Validate</c> step, with the body's command and errors.</summary>
    public static (DevelopmentTarget<TCommand>?, IResult) Target<TCommand>(string id, (TCommand? Command, FieldErrors Errors) body) where TCommand : class
    {
        if (Problems.NotAnId(id, "a development", out var developmentId) is { } notAnId) return (null, notAnId);
        return body.Errors.Any ? (null, Problems.Validation(body.Errors)) : (new DevelopmentTarget<TCommand>(developmentId, body.Command!), WolverineContinue.Result());
    }

    /// <param name="action">The last route segment: <c>retraction</c>, <c>correction</c> or <c>reports</c>.</param>
    /// <param name="answer">The 201's body and location; by default the development's <see cref="RecordedAnswer"/>.</param>
    public static async Task<IResult> WriteAsync<TCommand>(RelationId relation, DevelopmentTarget<TCommand> target, string action,
        string? ifMatch, string? idempotencyKey, RelationWriter writer, Decide<TCommand> decide, CancellationToken ct,
        Func<Recorded, Created>? answer = null) where TCommand : class
    {
        var command = target.Command;
        var route = $"POST {RouteRelation.PathOf(relation)}/developments/{target.DevelopmentId}/{action}";
        var (conditions, headerProblem) = WriteConditions.Of(ifMatch, idempotencyKey, route, command);
        if (headerProblem is not null) return headerProblem;

        return (await writer.WriteAsync(relation, conditions!, async (query, _) =>
        {
            var development = await query.LoadAsync<Development>(target.DevelopmentId, ct);
            return decide(command, relation, target.DevelopmentId, development);
        }, answer ?? RecordedAnswer.For(target.DevelopmentId), ct, touches: target.DevelopmentId)).ToResult();
    }
}
