namespace RelationsTracker.Api.Importing;

/// <summary>Run (or resume) the import <paramref name="ImportId"/> of the upload spooled at <paramref name="Path"/>.</summary>
public sealed record RunImport(Guid ImportId, string Path);
