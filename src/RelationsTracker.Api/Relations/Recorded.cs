using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations;

/// <summary>Where an accepted write landed: the relation's version after it and the moment it was recorded.</summary>
public sealed record Recorded(RelationId Relation, long Version, DateTimeOffset RecordedAt);
