using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Scoring;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations.Revisions;

/// <summary>What did we know when: every change to the relation's record between two instants, and what each did to the score.</summary>
[Tags("Relations")]
public static class RevisionsEndpoint
{
    [WolverineGet("/api/relations/{a}/{b}/revisions", OperationId = "getRevisions",
        Summary = "Every development recorded, corrected or retracted in (since, until], in recorded order, with the score and phase at asOf just before it and with it")]
    [ProducesResponseType<RevisionsView>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, "Link")]
    [Problems(400, 404)]
    public static async Task<IResult> Get(
        RoutedRelation route,
        [AsParameters] RevisionsQuery query,
        HttpRequest request,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var since = query.Since?.Value;
        var until = query.Until?.Value ?? clock.GetUtcNow();
        if (since >= until) return Problems.Validation("since", $"{since:O} is not before until ({until:O})");
        var limit = query.Limit?.Value ?? RevisionsQuery.DefaultLimit;
        if (limit > RevisionsQuery.MaxLimit) return Problems.Validation("limit", $"must be at most {RevisionsQuery.MaxLimit:N0} (it is {limit:N0})");
        var asOf = query.AsOf?.Value ?? clock.Today();
        var halfLife = query.HalfLifeDays?.Days ?? WarmingScore.DefaultHalfLifeDays;

        var timeline = await timelines.GetAsync(session, route.Id, ct);
        var revisions = Revision.Between([.. timeline.Developments], since ?? DateTimeOffset.MinValue, until, asOf, halfLife, limit + 1);
        // The next page starts after the last revision of this one (recorded times are distinct within a relation).
        var next = revisions.Count > limit
            ? PageCursor.NextUrl(request, "since", revisions[limit - 1].RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"))
            : null;
        if (next is not null) response.Headers.Link = $"<{next}>; rel=\"next\"";
        return TypedResults.Ok(new RevisionsView(route.Id.ToString(), since?.UtcDateTime, until.UtcDateTime, asOf.ToString("yyyy-MM-dd"), halfLife,
            [.. revisions.Take(limit).Select(RevisionView.Of)], next));
    }
}
