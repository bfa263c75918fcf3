using RelationsTracker.Api.Relations;

namespace RelationsTracker.Api.Developments.Reporting;

/// <summary>The answer to a report (api.md 1.1): the report's id, its development, and when it was recorded.</summary>
public sealed record ReportedAnswer(Guid Id, Guid DevelopmentId, string Relation, long Version, DateTime RecordedAt)
{
    public static Func<Recorded, Created> For(Guid reportId, Guid developmentId) => done => new Created(
        $"{RouteRelation.PathOf(done.Relation)}/developments/{developmentId}",
        new ReportedAnswer(reportId, developmentId, done.Relation.ToString(), done.Version, done.RecordedAt.UtcDateTime));
}
