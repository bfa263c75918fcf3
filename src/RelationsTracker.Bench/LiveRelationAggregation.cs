using JasperFx.Events;
using Marten.Events.Aggregation;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

public sealed class LiveRelationAggregation : SingleStreamProjection<LiveRelation, string>
{
    public override LiveRelation? Evolve(LiveRelation? snapshot, string id, IEvent e) =>
        e.Data is IDevelopmentEvent
            ? new LiveRelation(id, Relation.Fold(snapshot?.State, id, e.Data, e.Timestamp, e.Version))
            : snapshot;
}
