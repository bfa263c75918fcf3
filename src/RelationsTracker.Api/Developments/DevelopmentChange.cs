using System.Text.Json;
using Marten;
using RelationsTracker.Api.Developments.Recording;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Developments;

/// <summary>
/// What retracting and correcting a development share: the route's relation and development id, the body
/// parsed by the slice, the write conditions, and a decision on the development as last committed.
/// </summary>
public static class DevelopmentChange
{
    public delegate (TCommand? Command, FieldErrors Errors) Parse<TCommand>(JsonElement body, DateOnly today);

    public delegate Decision Decide<TCommand>(TCommand command, RelationId relation, Guid developmentId, Development? development);

    /// <param name="action">The last route segment: <c>retraction</c> or <c>correction</c>.</param>
    public static async Task<IResult> HandleAsync<TCommand>(
        string a, string b, string id, string action, HttpRequest request,
        IQuerySession session, RouteRelation routes, RelationWriter writer, TimeProvider clock,
        Parse<TCommand> parse, Decide<TCommand> decide, CancellationToken ct) where TCommand : class
    {
        var (relation, routeProblem) = await routes.ResolveAsync(session, a, b, ct);
        if (routeProblem is not null) return routeProblem;
        if (Problems.NotAnId(id, "a development", out var developmentId) is { } notAnId) return notAnId;

        var (document, bodyProblem) = await JsonBody.ReadAsync(request, ct);
        if (bodyProblem is not null) return bodyProblem;
        using var _ = document;

        var (command, errors) = parse(document!.RootElement, clock.Today());
        if (errors.Any) return errors.ToProblem();

        var route = $"POST {RouteRelation.PathOf(relation)}/developments/{developmentId}/{action}";
        if (!WriteConditions.TryRead(request, route, command!, out var conditions, out var headerProblem)) return headerProblem!;

        return await writer.WriteAsync(relation, conditions, async (query, _) =>
        {
            var development = await query.LoadAsync<Development>(developmentId, ct);
            return decide(command!, relation, developmentId, development);
        }, RecordedAnswer.For(developmentId), ct, touches: developmentId);
    }
}
