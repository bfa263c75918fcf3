using RelationsTracker.Api.Relations;

namespace RelationsTracker.Api.Developments.Recording;

/// <summary>The answer to a write: the development, its relation, the relation's version after it, and when it was recorded (pass it as knownAt to include it).</summary>
public sealed record RecordedAnswer(Guid Id, string Relation, long Version, DateTime RecordedAt)
{
    /// <summary>The 201 of a write about <paramref name="developmentId"/>, once the writer knows its version and time.</summary>
    public static Func<Recorded, Created> For(Guid developmentId) => done => new Created(
        $"{RouteRelation.PathOf(done.Relation)}/developments/{developmentId}",
        new RecordedAnswer(developmentId, done.Relation.ToString(), done.Version, done.RecordedAt.UtcDateTime));
}
