using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Developments.Timeline;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Scoring;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations.Digests;

/// <summary>A relation's month as an analyst's briefing: what happened, where it left the relation, and why.</summary>
[Tags("Relations")]
public static class DigestEndpoint
{
    [WolverineGet("/api/relations/{a}/{b}/digest", OperationId = "getDigest",
        Summary = "The month as a briefing: its developments, the score and phase before and after it, deteriorated, improved or unchanged, and its top contributors")]
    [ProducesResponseType<DigestView>(StatusCodes.Status200OK)]
    [Problems(400, 404)]
    public static async Task<IResult> Get(
        RoutedRelation route,
        [AsParameters] DigestQuery query,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var today = clock.Today();
        var month = query.Month ?? new CalendarMonth(today.Year, today.Month);
        var knownAt = query.KnownAt?.Value ?? clock.GetUtcNow();
        var halfLife = query.HalfLifeDays?.Days ?? WarmingScore.DefaultHalfLifeDays;

        var timeline = await timelines.GetAsync(session, route.Id, ct);
        var digest = MonthlyDigest.Of(timeline.KnownAt(knownAt), month.Year, month.Month, halfLife);
        var view = new PointOfView(digest.EndDate, knownAt, halfLife);
        var developments = await DevelopmentViews.LoadAsync(session, digest.Developments.Select(d => d.Id), view, ct);
        return TypedResults.Ok(new DigestView(
            route.Id.ToString(), route.Id.Actors, month.ToString(), knownAt.UtcDateTime, halfLife,
            DigestReadingView.Of(digest.StartDate, digest.Start), DigestReadingView.Of(digest.EndDate, digest.End),
            digest.Change, digest.Verdict.ToString().ToLowerInvariant(),
            developments,
            [.. digest.TopContributors.Select(c => new ContributorView(c.Id, c.Type.ToString(), c.OccurredOn.ToString(), c.Contribution))]));
    }
}
