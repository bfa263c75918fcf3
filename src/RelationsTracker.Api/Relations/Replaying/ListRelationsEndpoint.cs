using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
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

        var limit = query.Limit?.Value ?? PageLimit.Default;
        var after = query.Cursor?.Key;
        var actor = query.Actor?.Id;
        var ids = (await session.Query<Relation>().Select(r => r.Id).ToListAsync(ct))
            .Where(id => after is null || string.CompareOrdinal(id, after) > 0)
            .Where(id => actor is null || id.Split('~').Contains(actor))
            .Order(StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var next = ids.Count > limit ? PageCursor.NextUrl(request, ids[limit - 1]) : null;
        if (next is not null) response.Headers.Link = $"<{next}>; rel=\"next\"";
        var summaries = new List<RelationSummaryView>();
        foreach (var id in ids.Take(limit))
        {
            if (!RelationId.TryParse(id, out var relation)) continue;
            var timeline = await timelines.GetAsync(session, relation, ct);
            // A relation whose first development was recorded after knownAt did not exist yet.
            if (!timeline.Developments.Any(d => d.RecordedAt <= view.KnownAt)) continue;
            var reading = timeline.Read(view);
            summaries.Add(new RelationSummaryView(relation.ToString(), relation.Actors, reading.Score, reading.Trend,
                reading.Direction.Name(), reading.Phase.Name(), reading.DevelopmentCount, reading.LastContact?.ToString(), timeline.Version));
        }
        return TypedResults.Ok(new RelationListView(view!.AsOf.ToString("yyyy-MM-dd"), view.KnownAt.UtcDateTime, view.HalfLifeDays, summaries, next));
    }
}
