using RelationsTracker.Importing;

namespace RelationsTracker.Api.Feeds;

/// <summary>What GET /api/feeds/{id} answers.</summary>
public sealed record FeedView(
    Guid Id,
    string Url,
    int IntervalSeconds,
    bool Atomic,
    DateTime CreatedAt,
    DateTime NextCheckAt,
    DateTime? LastCheckedAt,
    string? LastOutcome,
    string? LastExport,
    IReadOnlyList<FeedImportView> Imports)
{
    public static FeedView Of(Feed feed) => new(feed.Id, feed.Url, feed.IntervalSeconds, feed.Atomic, feed.CreatedAt.UtcDateTime,
        feed.NextCheckAt.UtcDateTime, feed.LastCheckedAt?.UtcDateTime, feed.LastOutcome, feed.LastExport,
        [.. feed.Imports.Select(i => new FeedImportView(i.Export, i.ImportId, $"/api/imports/{i.ImportId}", i.StartedAt.UtcDateTime))]);
}
