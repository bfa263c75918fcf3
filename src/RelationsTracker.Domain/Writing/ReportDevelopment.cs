using System.Text.Json.Serialization;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Writing;

/// <summary>
/// A source reports on a development: it confirms it or disputes it. The report's id is drawn for each request, so it
/// is left out of the request's fingerprint: the same body under the same Idempotency-Key is the same report.
/// </summary>
public sealed record ReportDevelopment([property: JsonIgnore] Guid ReportId, ReportStance Stance, Source Source, string? Quote, string? Translation)
{
    /// <param name="development">The development as last committed, or null when there is none by that id.</param>
    public static Decision Decide(ReportDevelopment command, RelationId relation, Guid developmentId, Development? development)
    {
        if (development is null || development.Relation != relation.ToString())
            return Decision.Refuse(Refusal.NotFound($"No development {developmentId} in {relation}."));
        if (development.Retraction is not null)
            return Decision.Refuse(Refusal.Conflict($"Development {developmentId} was retracted at {development.Retraction.RecordedAt:O}; a report on it would count for nothing."));
        return Decision.Record(new ReportAdded(developmentId, command.ReportId, command.Stance, command.Source, command.Quote, command.Translation));
    }
}
