using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Developments;
using Wolverine.Http;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Developments.Timeline;

[Tags("Developments")]
public static class TimelineEndpoints
{
    /// <summary>
    /// The developments known at knownAt, in occurrence order (effective date, then recorded time), each
    /// with its contribution at asOf (default today). Retracted ones are listed with status "retracted" and
    /// contribution 0. <c>from</c>/<c>to</c> bound the effective date.
    /// </summary>
    [WolverineGet("/api/relations/{a}/{b}/developments", OperationId = "getTimeline",
        Summary = "The relation's developments known at knownAt, in occurrence order, each with its contribution at asOf")]
    [ProducesResponseType<TimelineView>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, "Link")]
    [ResponseHeader(StatusCodes.Status200OK, "ETag")]
    [Problems(400, 404)]
    public static async Task<IResult> GetTimeline(
        RoutedRelation route,
        [AsParameters] TimelineQuery query,
        HttpRequest request,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (page, problem) = await PageAsync(route, query, request, response, session, timelines, clock, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(new TimelineView(route.Id.ToString(), page!.View.AsOf.ToString("yyyy-MM-dd"), page.View.KnownAt.UtcDateTime,
            page.View.HalfLifeDays, WeightingName.NameOf(page.View.Weighting), page.Version, page.Entries, page.Next));
    }

    /// <summary>The same page of the timeline as a table (api.md 1.1, "CSV"), for a spreadsheet or R to read by URL.</summary>
    [WolverineGet("/api/relations/{a}/{b}/developments.csv", OperationId = "getTimelineCsv",
        Summary = "The timeline as CSV: id, occurredOn, type, cameo, actor, significance, contribution, summary, first source")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv", Description = "A header row, then one row per development (RFC 4180, UTF-8)")]
    [ResponseHeader(StatusCodes.Status200OK, "Link")]
    [ResponseHeader(StatusCodes.Status200OK, "ETag")]
    [Problems(400, 404)]
    public static async Task<IResult> GetTimelineCsv(
        RoutedRelation route,
        [AsParameters] TimelineQuery query,
        HttpRequest request,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (page, problem) = await PageAsync(route, query, request, response, session, timelines, clock, ct);
        if (problem is not null) return problem;
        var table = new CsvTable("id", "occurredOn", "type", "cameo", "actor", "significance", "contribution", "summary", "source");
        foreach (var d in page!.Entries)
            table.Add(d.Id, d.OccurredOn, d.Type, d.Cameo, d.Actor, d.Significance, d.Contribution, d.Summary,
                d.Sources.Count > 0 ? d.Sources[0].Url ?? d.Sources[0].Citation : null);
        return table.Result($"{route.Id}-developments.csv", response);
    }

    private sealed record PageAnswer(PointOfView View, long Version, List<DevelopmentView> Entries, string? Next);

    /// <summary>The page the query asks for, its ETag and next link set on the response; or the 400 of a bad query.</summary>
    private static async Task<(PageAnswer?, IResult?)> PageAsync(RoutedRelation route, TimelineQuery query, HttpRequest request,
        HttpResponse response, IQuerySession session, RelationTimelines timelines, TimeProvider clock, CancellationToken ct)
    {
        var relation = route.Id;
        var view = query.View(clock);
        var (from, to) = (query.From?.Value, query.To?.Value);
        if (from > to) return (null, Problems.Validation("from", $"{from:yyyy-MM-dd} is after to ({to:yyyy-MM-dd})"));

        TimelinePosition? after = null;
        if (query.Cursor is { } cursor && !TimelinePosition.TryParse(cursor.Key, out after))
            return (null, Problems.Validation("cursor", PageCursor.Problem(request.Query["cursor"])));

        var timeline = await timelines.GetAsync(session, relation, ct);
        var page = RelationsTracker.Relations.TimelinePage.Of(timeline, view.KnownAt, from, to, after, query.Filter(), query.Limit?.Value ?? PageLimit.Default);
        var next = page.Next is { } position ? PageCursor.NextUrl(request, position.ToString()) : null;
        var entries = (await DevelopmentViews.LoadAsync(session, page.Developments, view, ct)).ToList();

        response.Headers.ETag = IfMatch.ETagOf(timeline.Version);
        if (next is not null) response.Headers.Link = $"<{next}>; rel=\"next\"";
        return (new PageAnswer(view, timeline.Version, entries, next), null);
    }

    [WolverineGet("/api/relations/{a}/{b}/developments/{id}", OperationId = "getDevelopment",
        Summary = "One development as known at knownAt: its sources, corrections, status and contribution at asOf")]
    [ProducesResponseType<DevelopmentView>(StatusCodes.Status200OK)]
    [Problems(400, 404)]
    public static async Task<IResult> GetOne(
        RoutedRelation route,
        string id,
        [AsParameters] PointOfViewQuery query,
        [FromServices] IQuerySession session,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var relation = route.Id;
        if (Problems.NotAnId(id, "a development", out var developmentId) is { } notAnId) return notAnId;
        var view = query.View(clock);

        var development = await session.LoadAsync<Development>(developmentId, ct);
        if (development is null || development.Relation != relation.ToString() || DevelopmentView.Of(development, view) is not { } shown)
            return Problems.NotFound($"No development {id} in {relation}{(development is null ? "" : $" known at {view.KnownAt:O}")}.");
        return TypedResults.Ok(shown);
    }
}
