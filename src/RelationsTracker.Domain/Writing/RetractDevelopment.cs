using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Writing;

/// <summary>A development is withdrawn: from the moment this is recorded it stops counting. History keeps it.</summary>
public sealed record RetractDevelopment(string Reason, IReadOnlyList<Source> Sources)
{
    /// <param name="development">The development as last committed, or null when there is none by that id.</param>
    public static Decision Decide(RetractDevelopment command, RelationId relation, Guid developmentId, Development? development)
    {
        if (development is null || development.Relation != relation.ToString())
            return Decision.Refuse(Refusal.NotFound($"No development {developmentId} in {relation}."));
        if (development.Retraction is not null)
            return Decision.Refuse(Refusal.Conflict($"Development {developmentId} was already retracted at {development.Retraction.RecordedAt:O}."));

        return Decision.Record(new DevelopmentRetracted(developmentId, command.Reason, command.Sources));
    }
}
