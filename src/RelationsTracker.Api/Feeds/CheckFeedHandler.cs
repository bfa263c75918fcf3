using Marten;
using JasperFx;
using Marten.Exceptions;
using Microsoft.Extensions.Options;
using RelationsTracker.Api.Imports;
using RelationsTracker.Importing;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace RelationsTracker.Api.Feeds;

/// <summary>
/// Checks a feed: reads its index, starts an import of each new events export (the import downloads it, checked
/// against the index's size and MD5), and schedules the next check, all in one transaction with the feed, through
/// Wolverine's durable local queue, so a check survives a restart and runs on one node.
/// </summary>
public static class CheckFeedHandler
{
    public const string Queue = "feeds";

    public static void Configure(HandlerChain chain)
    {
        // Another check of the feed committed first: run again, and find its exports already started.
        chain.OnException<ConcurrencyException>().RetryTimes(3);
        // The feed was deleted while it was being checked: nothing of the check is kept, and no next one is scheduled.
        chain.OnException<NonExistentDocumentException>().Discard();
        // Reading the index may take its download timeout, tried three times.
        chain.ExecutionTimeoutInSeconds = (int)TimeSpan.FromHours(1).TotalSeconds;
    }

    [Transactional]
    public static async Task Handle(CheckFeed message, IDocumentSession session, IMessageContext bus, ImportDownloads downloads, Importer importer,
        IOptions<ImportOptions> settings, TimeProvider clock, ILogger<CheckFeed> logger, CancellationToken ct)
    {
        var feed = await session.LoadAsync<Feed>(message.FeedId, ct);
        // Deleted, or checked on a schedule that has moved on since.
        if (feed is null || message.Round is { } round && round != feed.Round) return;

        var options = settings.Value;
        var now = clock.GetUtcNow();
        var started = new List<FeedImport>();
        string outcome;
        try
        {
            var index = await downloads.ReadIndexAsync(new Uri(feed.Url), ct);
            var fresh = index.NewExports(feed.LastExport, feed.Imports.Select(i => i.Export).ToHashSet());
            if (index.Exports.Count == 0) outcome = "the index lists no events export (*.export.CSV.zip)";
            else if (fresh.Count == 0) outcome = "nothing new";
            else if (await importer.MappingProblemAsync(ImportFormat.Gdelt, ct) is { } noMapping) outcome = noMapping;
            else
            {
                Directory.CreateDirectory(options.Spool);
                foreach (var export in fresh)
                {
                    var run = Importer.NewRun(ImportFormat.Gdelt, feed.Atomic, feed.Url, 0, now, options) with
                    {
                        Url = export.Url.AbsoluteUri, Index = feed.Url, ExpectedBytes = export.Size, ExpectedMd5 = export.Md5, FeedId = feed.Id,
                    };
                    session.Store(run);
                    await bus.PublishAsync(new RunImport(run.Id, Path.Combine(options.Spool, $"{run.Id:N}.download")));
                    started.Add(new FeedImport(export.Url.AbsoluteUri, run.Id, now));
                }
                outcome = started.Count == 1 ? $"started importing {started[0].Export}" : $"started importing {started.Count} exports";
            }
        }
        catch (ImportSourceException e)
        {
            outcome = $"could not read the index: {e.Message}";
        }
        logger.LogInformation("Feed {Id} ({Url}): {Outcome}", feed.Id, feed.Url, outcome);

        feed = feed.Checked(now, outcome, started);
        if (message.Round is not null)
        {
            feed = feed.ScheduledAfter(now);
            await bus.ScheduleAsync(new CheckFeed(feed.Id, feed.Round), feed.NextCheckAt);
        }
        // An update, not an upsert: a feed deleted meanwhile is not brought back.
        session.Update(feed);
    }
}
