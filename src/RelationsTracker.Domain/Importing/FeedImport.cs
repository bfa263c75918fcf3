namespace RelationsTracker.Importing;

/// <summary>An export a feed started importing: follow it at /api/imports/{ImportId}.</summary>
public sealed record FeedImport(string Export, Guid ImportId, DateTimeOffset StartedAt);
