using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;
using Wolverine.Http;

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
        string a,
        string b,
        [AsParameters] PointOfViewQuery query,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (relation, routeProblem) = await routes.ResolveAsync(session, a, b, ct);
        if (routeProblem is not null) return routeProblem;
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
        string a,
        string b,
        [AsParameters] SeriesQuery query,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (relation, routeProblem) = await routes.ResolveAsync(session, a, b, ct);
        if (routeProblem is not null) return routeProblem;
        var (series, errors) = SeriesRequest.Of(query, clock);
        if (errors.Any) return errors.ToProblem();

        var timeline = await timelines.GetAsync(session, relation, ct);
        var points = timeline.KnownAt(series!.KnownAt).Series(series.Dates(), series.HalfLifeDays)
            .Select(p => new ScorePointView(p.Date.ToString("yyyy-MM-dd"), p.Score, p.Raw, p.Phase.Name()))
            .ToList();
        response.Headers.ETag = IfMatch.ETagOf(timeline.Version);
        return TypedResults.Ok(new ScoreSeriesView(relation.ToString(), series.From.ToString("yyyy-MM-dd"), series.To.ToString("yyyy-MM-dd"),
            series.Step, series.KnownAt.UtcDateTime, series.HalfLifeDays, timeline.Version, points));
    }

    [WolverineGet("/api/relations", OperationId = "listRelations", Summary = "Every relation known at knownAt, with its score, phase and direction at asOf")]
    [ProducesResponseType<RelationListView>(StatusCodes.Status200OK)]
    [Problems(400)]
    public static async Task<IResult> GetAll(
        [AsParameters] PointOfViewQuery query,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var view = query.View(clock);

        var ids = await session.Query<Relation>().Select(r => r.Id).ToListAsync(ct);
        var summaries = new List<RelationSummaryView>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            if (!RelationId.TryParse(id, out var relation)) continue;
            var timeline = await timelines.GetAsync(session, relation, ct);
            // A relation whose first development was recorded after knownAt did not exist yet.
            if (!timeline.Developments.Any(d => d.RecordedAt <= view.KnownAt)) continue;
            var reading = timeline.Read(view);
            summaries.Add(new RelationSummaryView(relation.ToString(), relation.Actors, reading.Score, reading.Trend,
                reading.Direction.Name(), reading.Phase.Name(), reading.DevelopmentCount, reading.LastContact?.ToString(), timeline.Version));
        }
        return TypedResults.Ok(new RelationListView(view!.AsOf.ToString("yyyy-MM-dd"), view.KnownAt.UtcDateTime, view.HalfLifeDays, summaries));
    }
}
