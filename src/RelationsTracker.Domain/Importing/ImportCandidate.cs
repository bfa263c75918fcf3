using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Importing;

/// <summary>
/// A row that became a development, with the actors it needs (those with a name are created if missing), and how many
/// later rows of its batch repeated its GDELT event and were folded into it (<see cref="RepeatedEvents"/>).
/// </summary>
public sealed record ImportCandidate(long Line, RelationId Relation, DevelopmentRecorded Event, IReadOnlyList<NeededActor> Actors, int Repeats = 0);
