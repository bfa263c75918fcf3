using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;
using Wolverine.Http;

using RelationsTracker.Writing;
namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>Replays a relation to any date (asOf) as the tracker knew it at any moment (knownAt).</summary>
[Tags("Relations")]
public static class ReplayEndpoints
{
    public const int MaxPoints = 3700;
    public const string MaxPointsText = "3,700";

    [WolverineGet("/api/relations/{a}/{b}", OperationId = "getRelationState",
        Summary = "The relation's state and warming score at the end of asOf, counting what was recorded by knownAt")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB)]
    [ProducesResponseType<RelationStateView>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag")]
    [Problems(400, 404)]
    public static async Task<IResult> GetState(
        RoutedRelation route,
        [AsParameters] PointOfViewQuery query,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var relation = route.Id;
        var view = query.View(clock);

        var timeline = await timelines.GetAsync(session, relation, ct);
        response.Headers.ETag = IfMatch.ETagOf(timeline.Version);
        return TypedResults.Ok(RelationStateView.Of(relation, view, timeline.Read(view), timeline.Version));
    }

    [WolverineGet("/api/relations/{a}/{b}/score", OperationId = "getScoreSeries", Summary = "The relation's score as a series of points from from to to")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB)]
    [ProducesResponseType<ScoreSeriesView>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag")]
    [Problems(400, 404)]
    public static async Task<IResult> GetScoreSeries(
        RoutedRelation route,
        [AsParameters] SeriesQuery query,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var relation = route.Id;
        var (series, errors) = SeriesRequest.Of(query, clock);
        if (errors.Any) return Problems.Validation(errors);

        var timeline = await timelines.GetAsync(session, relation, ct);
        var points = timeline.KnownAt(series!.KnownAt).Series(series.Dates(), series.HalfLifeDays)
            .Select(p => new ScorePointView(p.Date.ToString("yyyy-MM-dd"), p.Score, p.Raw, p.Phase.Name()))
            .ToList();
        response.Headers.ETag = IfMatch.ETagOf(timeline.Version);
        return TypedResults.Ok(new ScoreSeriesView(relation.ToString(), series.From.ToString("yyyy-MM-dd"), series.To.ToString("yyyy-MM-dd"),
            series.Step, series.KnownAt.UtcDateTime, series.HalfLifeDays, timeline.Version, points));
    }
}
