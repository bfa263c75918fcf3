using Wolverine.Attributes;

namespace RelationsTracker.Api.Imports;

/// <summary>Run (or resume) the import <paramref name="ImportId"/> of the upload spooled at <paramref name="Path"/>.</summary>
[MessageIdentity("RelationsTracker.Api.Importing.RunImport")] // its name before the namespace moved: messages stored by earlier versions are still handled
public sealed record RunImport(Guid ImportId, string Path);
