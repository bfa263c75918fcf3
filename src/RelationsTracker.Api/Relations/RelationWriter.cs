using Marten;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// How every write reaches a relation's stream. A relation always writes through the same lane (<see cref="WriteLane"/>):
/// its writes are decided one at a time, in order, and a lane commits what waited, for any of its relations, in one
/// transaction. Lanes commit side by side, so a slow commit (a relation being rebuilt holds its stream's row) delays only
/// its own lane. docs/architecture.md ("How a development is recorded") tells the whole of it.
/// </summary>
public sealed class RelationWriter
{
    private readonly WriteLane[] _lanes;

    public RelationWriter(IDocumentStore store, TimeProvider clock, ILogger<RelationWriter> logger)
    {
        _lanes = new WriteLane[Lanes];
        for (var i = 0; i < _lanes.Length; i++) _lanes[i] = new WriteLane(store, clock, logger);
    }

    /// <summary>
    /// Fewer lanes commit more writes in each transaction; one would hold every relation's writes behind any slow one.
    /// Two measured best of one, two and four (docs/performance.md).
    /// </summary>
    public const int Lanes = 2;

    /// <param name="touches">The development a retraction or correction is about: two writes about one
    /// development are never committed in the same group, so the second is decided on the first's result.</param>
    /// <param name="answer">Builds the 201 answer once the version and recorded time are known.</param>
    public Task<WriteOutcome> WriteAsync(RelationId relation, WriteConditions conditions, Decide decide, Func<Recorded, Created> answer,
        CancellationToken ct, Guid? touches = null) =>
        _lanes[LaneOf(relation)].WriteAsync(relation, conditions, decide, answer, ct, touches);

    /// <summary>The lane the relation's writes go through, for as long as this process runs.</summary>
    public int LaneOf(RelationId relation) => (int)((uint)StringComparer.Ordinal.GetHashCode(relation.ToString()) % (uint)_lanes.Length);
}
