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
    [WolverineGet("/api/relations/{a}/{b}", OperationId = "getRelationState",
        Summary = "The relation's state and warming score at the end of asOf, counting what was recorded by knownAt")]
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
        var (series, points, problem) = await SeriesAsync(route, query, response, session, timelines, clock, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(new ScoreSeriesView(route.Id.ToString(), series!.From.ToString("yyyy-MM-dd"), series.To.ToString("yyyy-MM-dd"),
            series.Step, series.KnownAt.UtcDateTime, series.HalfLifeDays, WeightingName.NameOf(series.Weighting), points!.Version,
            [.. points.Points.Select(ScorePointView.Of)]));
    }

    /// <summary>The same series as a table (api.md 1.1, "CSV").</summary>
    [WolverineGet("/api/relations/{a}/{b}/score.csv", OperationId = "getScoreSeriesCsv", Summary = "The score series as CSV: date, score, raw")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv", Description = "A header row, then one row per point (RFC 4180, UTF-8)")]
    [ResponseHeader(StatusCodes.Status200OK, "ETag")]
    [Problems(400, 404)]
    public static async Task<IResult> GetScoreSeriesCsv(
        RoutedRelation route,
        [AsParameters] SeriesQuery query,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (_, points, problem) = await SeriesAsync(route, query, response, session, timelines, clock, ct);
        if (problem is not null) return problem;
        var table = new CsvTable("date", "score", "raw");
        foreach (var p in points!.Points) table.Add(p.Date.ToString("yyyy-MM-dd"), p.Score, p.Raw);
        return table.Result($"{route.Id}-score.csv", response);
    }

    private sealed record SeriesPoints(long Version, IReadOnlyList<ScorePoint> Points);

    private static async Task<(SeriesRange?, SeriesPoints?, IResult?)> SeriesAsync(RoutedRelation route, SeriesQuery query, HttpResponse response,
        IQuerySession session, RelationTimelines timelines, TimeProvider clock, CancellationToken ct)
    {
        var (series, errors) = SeriesRequest.Of(query, clock);
        if (errors.Any) return (null, null, Problems.Validation(errors));
        var timeline = await timelines.GetAsync(session, route.Id, ct);
        response.Headers.ETag = IfMatch.ETagOf(timeline.Version);
        return (series, new SeriesPoints(timeline.Version, timeline.KnownAt(series!.KnownAt, series.Weighting).Series(series.Dates(), series.HalfLifeDays)), null);
    }
}
