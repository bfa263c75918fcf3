using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Api.Infrastructure.OpenApi;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>Replays a relation to any date (asOf) as the tracker knew it at any moment (knownAt).</summary>
[Tags("Relations")]
public static class ReplayEndpoints
{
    public const int MaxPoints = 3700;

    [WolverineGet("/api/relations/{a}/{b}", OperationId = "getRelationState",
        Summary = "The relation's state and warming score at the end of asOf, counting what was recorded by knownAt")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB, ApiParameters.AsOf, ApiParameters.KnownAt, ApiParameters.HalfLifeDays)]
    [ProducesResponseType<RelationStateView>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag")]
    [Problems(400, 404)]
    public static async Task<IResult> GetState(
        string a,
        string b,
        HttpRequest request,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (relation, routeProblem) = await routes.ResolveAsync(session, a, b, ct);
        if (routeProblem is not null) return routeProblem;
        var (view, errors) = PointOfView.Read(request, clock);
        if (errors.Any) return errors.ToProblem();

        var timeline = await timelines.GetAsync(session, relation, ct);
        response.Headers.ETag = IfMatch.ETagOf(timeline.Version);
        return TypedResults.Ok(RelationStateView.Of(relation, view!, timeline.Read(view!), timeline.Version));
    }

    [WolverineGet("/api/relations/{a}/{b}/score", OperationId = "getScoreSeries", Summary = "The relation's score as a series of points from from to to")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB, ApiParameters.From, ApiParameters.To, ApiParameters.Step, ApiParameters.KnownAt, ApiParameters.HalfLifeDays)]
    [ProducesResponseType<ScoreSeriesView>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, "ETag")]
    [Problems(400, 404)]
    public static async Task<IResult> GetScoreSeries(
        string a,
        string b,
        HttpRequest request,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (relation, routeProblem) = await routes.ResolveAsync(session, a, b, ct);
        if (routeProblem is not null) return routeProblem;
        var (series, errors) = SeriesRequest.Read(request, clock);
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
    [Parameters(ApiParameters.AsOf, ApiParameters.KnownAt, ApiParameters.HalfLifeDays)]
    [ProducesResponseType<RelationListView>(StatusCodes.Status200OK)]
    [Problems(400)]
    public static async Task<IResult> GetAll(
        HttpRequest request,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (view, errors) = PointOfView.Read(request, clock);
        if (errors.Any) return errors.ToProblem();

        var ids = await session.Query<Relation>().Select(r => r.Id).ToListAsync(ct);
        var summaries = new List<RelationSummaryView>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            if (!RelationId.TryParse(id, out var relation)) continue;
            var timeline = await timelines.GetAsync(session, relation, ct);
            // A relation whose first development was recorded after knownAt did not exist yet.
            if (!timeline.Developments.Any(d => d.RecordedAt <= view!.KnownAt)) continue;
            var reading = timeline.Read(view!);
            summaries.Add(new RelationSummaryView(relation.ToString(), relation.Actors, reading.Score, reading.Trend,
                reading.Direction.Name(), reading.Phase.Name(), reading.DevelopmentCount, reading.LastContact?.ToString(), timeline.Version));
        }
        return TypedResults.Ok(new RelationListView(view!.AsOf.ToString("yyyy-MM-dd"), view.KnownAt.UtcDateTime, view.HalfLifeDays, summaries));
    }
}

/// <summary>The parameters of a score series: from, to (default: the year up to today), step, knownAt, halfLifeDays.</summary>
public sealed record SeriesRequest(DateOnly From, DateOnly To, string Step, DateTimeOffset KnownAt, int HalfLifeDays)
{
    public static readonly IReadOnlyList<string> Steps = ["day", "week", "month"];

    public static (SeriesRequest? Request, FieldErrors Errors) Read(HttpRequest request, TimeProvider clock) =>
        Read(request, clock, clock.Today(), (to, _) => to.AddYears(-1), (_, _) => "day");

    /// <summary>
    /// The same parameters and checks with other defaults (the score chart's): <paramref name="defaultFrom"/> is
    /// given to and knownAt, <paramref name="defaultStep"/> from and to.
    /// </summary>
    public static (SeriesRequest? Request, FieldErrors Errors) Read(HttpRequest request, TimeProvider clock, DateOnly defaultTo,
        Func<DateOnly, DateTimeOffset, DateOnly> defaultFrom, Func<DateOnly, DateOnly, string> defaultStep)
    {
        var errors = new FieldErrors();
        var knownAt = ReadParameters.KnownAt(request, errors) ?? clock.GetUtcNow();
        var to = ReadParameters.Date(request, "to", errors) ?? defaultTo;
        var from = ReadParameters.Date(request, "from", errors) ?? defaultFrom(to, knownAt);
        var step = ReadParameters.Single(request, "step", errors) ?? defaultStep(from, to);
        if (!Steps.Contains(step)) errors.Add("step", $"'{step}' is not a step; use day, week or month");
        var halfLife = ReadParameters.HalfLifeDays(request, errors);
        if (errors.Any) return (null, errors);

        if (from > to) errors.Add("from", $"{from:yyyy-MM-dd} is after to ({to:yyyy-MM-dd})");
        var series = new SeriesRequest(from, to, step, knownAt, halfLife);
        if (!errors.Any && series.PointCount() > ReplayEndpoints.MaxPoints)
            errors.Add("to", $"from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} by {step} is more than {ReplayEndpoints.MaxPoints:N0} points; narrow the range or use a longer step");
        return errors.Any ? (null, errors) : (series, errors);
    }

    /// <summary>from, then every day, 7 days or calendar month (same day of month, clamped) while ≤ to.</summary>
    public IEnumerable<DateOnly> Dates()
    {
        for (var k = 0; ; k++)
        {
            DateOnly date;
            if (Step == "month")
            {
                var months = From.Year * 12 + From.Month - 1 + k;
                if (months > To.Year * 12 + To.Month - 1) yield break;
                date = From.AddMonths(k);
            }
            else
            {
                var dayNumber = From.DayNumber + (long)k * (Step == "week" ? 7 : 1);
                if (dayNumber > To.DayNumber) yield break;
                date = DateOnly.FromDayNumber((int)dayNumber);
            }
            if (date > To) yield break;
            yield return date;
        }
    }

    private long PointCount() => Dates().Take(ReplayEndpoints.MaxPoints + 1).Count();
}
