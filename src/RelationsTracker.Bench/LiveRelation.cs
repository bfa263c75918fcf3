using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

/// <summary>The relation as Marten's live aggregation folds it from the whole stream: the baseline reads are compared to.</summary>
public sealed record LiveRelation(string Id, Relation State);
