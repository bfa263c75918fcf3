namespace RelationsTracker.Api.Imports;

/// <summary>A file to import could not be had from where it was asked for: the message says why, for the import's report.</summary>
public sealed class ImportSourceException(string message) : Exception(message);
