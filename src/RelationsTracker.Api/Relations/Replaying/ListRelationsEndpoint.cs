using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Storage;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>Every relation known at knownAt, with its score, phase and direction at asOf.</summary>
[Tags("Relations")]
public static class ListRelationsEndpoint
{
    [WolverineGet("/api/relations", OperationId = "listRelations", Summary = "Every relation known at knownAt (or an actor's), with its score, phase and direction at asOf")]
    [ProducesResponseType<RelationListView>(StatusCodes.Status200OK)]
    [ResponseHeader(StatusCodes.Status200OK, "Link")]
    [Problems(400)]
    public static async Task<IResult> GetAll(
        [AsParameters] RelationListQuery query,
        HttpRequest request,
        HttpResponse response,
        [FromServices] IQuerySession session,
        [FromServices] RelationTimelines timelines,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var view = query.View(clock);

        // Every relation's id and version in one query; a page of them read at those versions (RelationTimelines).
        var page = RelationListPage.Of(await RelationVersions.AllAsync(session.DocumentStore, ct), query.Cursor?.Key, query.Actor?.Id,
            query.Limit?.Value ?? PageLimit.Default);
        var next = page.NextAfter is { } last ? PageCursor.NextUrl(request, last) : null;
        if (next is not null) response.Headers.Link = $"<{next}>; rel=\"next\"";
        var relations = page.Relations;
        // What was listed before at these versions needs no timeline; the rest is read a group at a time.
        var listed = timelines.Listed;
        var summaries = new RelationSummaryView?[relations.Count];
        var unread = Enumerable.Range(0, relations.Count).Where(i => !listed.TryGet(relations[i].Relation, relations[i].Version, view, out summaries[i])).ToList();
        var read = await timelines.ReadManyAsync(session, [.. unread.Select(i => relations[i])], timeline =>
        {
            var summary = Summary(timeline, view);
            listed.Keep(timeline, view, summary);
            return summary;
        }, ct);
        for (var k = 0; k < unread.Count; k++) summaries[unread[k]] = read[k];
        return TypedResults.Ok(new RelationListView(view!.AsOf.ToString("yyyy-MM-dd"), view.KnownAt.UtcDateTime, view.HalfLifeDays, [.. summaries.OfType<RelationSummaryView>()], next));
    }

    /// <summary>The relation as the list shows it; null when its first development was recorded after knownAt.</summary>
    private static RelationSummaryView? Summary(RelationTimeline timeline, PointOfView view)
    {
        if (!timeline.Developments.Any(d => d.RecordedAt <= view.KnownAt)) return null;
        var reading = timeline.Read(view);
        var relation = timeline.Relation;
        return new RelationSummaryView(relation.ToString(), relation.Actors, reading.Score, reading.Trend,
            reading.Direction.Name(), reading.Phase.Name(), reading.DevelopmentCount, reading.LastContact?.ToString(), timeline.Version);
    }
}
