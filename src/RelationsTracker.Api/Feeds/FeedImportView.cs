namespace RelationsTracker.Api.Feeds;

/// <summary>An export a feed started importing, and where its import is followed.</summary>
public sealed record FeedImportView(string Export, Guid ImportId, string Import, DateTime StartedAt);
