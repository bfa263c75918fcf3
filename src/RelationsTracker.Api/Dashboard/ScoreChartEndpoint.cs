using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Scoring;
using Wolverine.Http;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Dashboard;

/// <summary>
/// The score series drawn by the service, so that the same picture appears on the dashboard and in any report
/// that embeds <c>&lt;img src=".../score.svg"&gt;</c>.
/// </summary>
[Tags("Relations")]
public static class ScoreChartEndpoint
{
    public const string ContentType = "image/svg+xml; charset=utf-8";

    /// <summary>
    /// The parameters of <c>GET .../score</c> plus <c>asOf</c> (the marked day, default today). By default the
    /// chart runs from the month before the first development known at knownAt to asOf, by day while that is
    /// at most <see cref="SeriesRange.MaxPoints"/> points (else by week, else by month).
    /// </summary>
    [WolverineGet("/api/relations/{a}/{b}/score.svg", OperationId = "getScoreChart",
        Summary = "The relation's score series drawn as an SVG image, with the phase bands, its developments, a marker at asOf, and the relations or the earlier knowledge it is compared with")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, "image/svg+xml", Description = "An 800 × 360 SVG image with a title and a description")]
    [ResponseHeader(StatusCodes.Status200OK, "ETag")]
    [Problems(400, 404)]
    public static async Task<IResult> GetScoreChart(
        RoutedRelation route,
        [AsParameters] ScoreChartQuery query,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] RouteRelation routes,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var relation = route.Id;

        var asOf = query.AsOf?.Value ?? clock.Today();
        var timeline = await timelines.GetAsync(session, relation, ct);
        var (series, errors) = SeriesRequest.Of(query, clock, asOf,
            (to, knownAt) => SeriesRange.ChartStart(timeline.KnownAt(knownAt), to, asOf),
            SeriesRange.ChartStep);
        if (errors.Any) return Problems.Validation(errors);

        var known = timeline.KnownAt(series!.KnownAt, series.Weighting);
        var dates = series.Dates().ToList();
        var points = Points(known, dates, series.HalfLifeDays);
        var atAsOf = known.Series([asOf], series.HalfLifeDays)[0];

        // What it is compared with: other relations at the same knownAt, and itself as known at another instant.
        var lines = new List<ChartLine>();
        var version = timeline.Version;
        foreach (var (other, i) in (query.Compare?.Relations ?? []).Where(r => r != relation).Select((r, i) => (r, i)))
        {
            var (_, problem) = await routes.ResolveAsync(session, other.First, other.Second, ct);
            if (problem is not null) return Problems.Validation("compare", $"{other}: no such relation (its actors must exist)");
            var otherTimeline = await timelines.GetAsync(session, other, ct);
            version += otherTimeline.Version;
            lines.Add(new ChartLine(other.ToString(), Points(otherTimeline.KnownAt(series.KnownAt, series.Weighting), dates, series.HalfLifeDays), ScoreChart.LineColours[i], Dashed: false));
        }
        if (query.AlsoWeighting?.Weighting is { } otherWeighting && otherWeighting != series.Weighting)
            lines.Add(new ChartLine($"{WeightingName.NameOf(otherWeighting)} weighting", Points(timeline.KnownAt(series.KnownAt, otherWeighting), dates, series.HalfLifeDays), "#6b7480", Dashed: true));
        if (query.AlsoKnownAt?.Value is { } then)
            lines.Add(new ChartLine($"as known at {then.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}", Points(timeline.KnownAt(then, series.Weighting), dates, series.HalfLifeDays), ScoreChart.OwnColour, Dashed: true));
        var chart = new ScoreChart(
            relation.ToString(),
            series.From,
            series.To,
            series.Step,
            series.KnownAt,
            series.HalfLifeDays,
            points,
            known.Known.Select(d => new ChartDevelopment(d.EffectiveDate, d.OccurredOn.ToString(), d.Type.ToString(), d.SignedWeight)).ToList(),
            new ChartPoint(asOf, atAsOf.Score),
            lines,
            series.Weighting);

        // The sum of the versions drawn: a write to any of the relations compared changes it.
        response.Headers.ETag = IfMatch.ETagOf(version);
        // Opened on its own, the picture is a document: it may run nothing and load nothing.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors *";
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(chart.Render(), ContentType);
    }

    private static List<ChartPoint> Points(TimelineIndex known, IEnumerable<DateOnly> dates, int halfLifeDays) =>
        [.. known.Series(dates, halfLifeDays).Select(p => new ChartPoint(p.Date, p.Score))];
}
