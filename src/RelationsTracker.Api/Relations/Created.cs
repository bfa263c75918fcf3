namespace RelationsTracker.Api.Relations;

/// <summary>A 201 answer: its Location and body.</summary>
public sealed record Created(string Location, object Body);
