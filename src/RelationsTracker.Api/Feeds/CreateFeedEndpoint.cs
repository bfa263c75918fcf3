using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Imports;
using RelationsTracker.Api.Webhooks;
using RelationsTracker.Importing;
using Wolverine.Http;
using Wolverine.Marten;

namespace RelationsTracker.Api.Feeds;

/// <summary>Follows a GDELT index: its first check runs at once, then one every interval.</summary>
[Tags("Feeds")]
public static class CreateFeedEndpoint
{
    public static async Task<(Feed?, IResult)> Validate(CreateFeedRequest body, [FromServices] TimeProvider clock, [FromServices] CallbackHosts hosts,
        [FromServices] IOptions<ImportOptions> settings, [FromServices] Importer importer, CancellationToken ct)
    {
        var (feed, errors) = body.ToFeed(clock.GetUtcNow(), hosts.DownloadRefusal, settings.Value.MinimumFeedIntervalSeconds);
        if (errors.Any) return (null, Problems.Validation(errors));
        // Every export it would import is GDELT: with no actor mapping at all, none could record anything.
        if (await importer.MappingProblemAsync(ImportFormat.Gdelt, ct) is { } noMapping) return (null, Problems.Validation("url", noMapping));
        return (feed, WolverineContinue.Result());
    }

    [WolverinePost("/api/feeds", OperationId = "createFeed",
        Summary = "Follows a GDELT index (lastupdate.txt): reads it now and every intervalSeconds, importing each new events export once")]
    [ProducesResponseType<FeedView>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [Problems(400, 413, 415)]
    public static async Task<IResult> Post(CreateFeedRequest body, Feed feed, [FromServices] IDocumentSession session, [FromServices] IMartenOutbox outbox, CancellationToken ct)
    {
        // The feed and its first check are stored together: no feed is left unchecked.
        outbox.Enroll(session);
        session.Insert(feed);
        await outbox.PublishAsync(new CheckFeed(feed.Id, feed.Round));
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/feeds/{feed.Id}", FeedView.Of(feed));
    }
}
