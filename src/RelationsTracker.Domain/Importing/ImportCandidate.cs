using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Importing;

/// <summary>A row that became a development, with the actors it needs: those with a name are created if missing.</summary>
public sealed record ImportCandidate(long Line, RelationId Relation, DevelopmentRecorded Event, IReadOnlyList<NeededActor> Actors);
