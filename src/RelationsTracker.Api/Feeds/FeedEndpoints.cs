using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Importing;
using Wolverine.Http;
using Wolverine;

namespace RelationsTracker.Api.Feeds;

/// <summary>The feeds: listed, read, checked now, or stopped.</summary>
[Tags("Feeds")]
public static class FeedEndpoints
{
    [WolverineGet("/api/feeds", OperationId = "listFeeds", Summary = "The GDELT indexes followed, oldest first")]
    [ProducesResponseType<IReadOnlyList<FeedView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> List([FromServices] IQuerySession session, CancellationToken ct)
    {
        var feeds = await session.Query<Feed>().OrderBy(f => f.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(feeds.Select(FeedView.Of).ToList());
    }

    [WolverineGet("/api/feeds/{id}", OperationId = "getFeed", Summary = "A feed: when it was checked, what it found, the imports it started")]
    [ProducesResponseType<FeedView>(StatusCodes.Status200OK)]
    [Problems(400, 404)]
    public static async Task<IResult> Get(string id, [FromServices] IQuerySession session, CancellationToken ct)
    {
        if (Problems.NotAnId(id, "a feed", out var feedId) is { } notAnId) return notAnId;
        var feed = await session.LoadAsync<Feed>(feedId, ct);
        return feed is null ? Problems.NotFound($"No feed {id}.") : TypedResults.Ok(FeedView.Of(feed));
    }

    [WolverinePost("/api/feeds/{id}/check", OperationId = "checkFeed", Summary = "Reads the feed's index now, importing what is new; the schedule stays as it is")]
    [ProducesResponseType<FeedView>(StatusCodes.Status202Accepted)]
    [ResponseHeader(StatusCodes.Status202Accepted, "Location")]
    [Problems(400, 404)]
    public static async Task<IResult> Check(string id, [FromServices] IQuerySession session, [FromServices] IMessageBus bus, CancellationToken ct)
    {
        if (Problems.NotAnId(id, "a feed", out var feedId) is { } notAnId) return notAnId;
        if (await session.LoadAsync<Feed>(feedId, ct) is not { } feed) return Problems.NotFound($"No feed {id}.");
        await bus.SendAsync(new CheckFeed(feed.Id, Round: null));
        return TypedResults.Accepted($"/api/feeds/{feed.Id}", FeedView.Of(feed));
    }

    [WolverineDelete("/api/feeds/{id}", OperationId = "deleteFeed", Summary = "Stops following the index; the imports it started stay")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [Problems(400, 404)]
    public static async Task<IResult> Delete(string id, [FromServices] IDocumentSession session, CancellationToken ct)
    {
        if (Problems.NotAnId(id, "a feed", out var feedId) is { } notAnId) return notAnId;
        if (await session.LoadAsync<Feed>(feedId, ct) is null) return Problems.NotFound($"No feed {id}.");
        // Its next scheduled check finds no feed and stops.
        session.Delete<Feed>(feedId);
        await session.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
