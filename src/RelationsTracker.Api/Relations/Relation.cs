using JasperFx.Events;
using Marten.Events.Aggregation;
using JasperFx;
using Marten.Events.Projections;
using RelationsTracker.Developments;
using RelationsTracker.Api.Infrastructure;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// What the write side needs to know about a relation to decide on a new development: its version (for
/// If-Match and optimistic concurrency), the agreements it has seen (a title is required the first time)
/// and the last moment anything was recorded in it (recorded time never goes backwards within a relation).
/// An inline snapshot of the relation's stream, so <c>FetchForWriting</c> reads it in one round trip.
/// </summary>
public sealed record Relation : IRevisioned
{
    public string Id { get; init; } = "";
    public int Version { get; set; }
    public DateTimeOffset LastRecordedAt { get; init; }
    /// <summary>Agreement slug → its title as first given.</summary>
    public Dictionary<string, string?> Agreements { get; init; } = new(StringComparer.Ordinal);

    public bool KnowsAgreement(string slug) => Agreements.ContainsKey(slug);

    public static Relation Fold(Relation? relation, string id, object @event, DateTimeOffset recordedAt)
    {
        relation ??= new Relation { Id = id };
        relation = relation with { LastRecordedAt = recordedAt > relation.LastRecordedAt ? recordedAt : relation.LastRecordedAt };
        if (@event is not DevelopmentRecorded recorded) return relation;

        var agreements = relation.Agreements;
        if (recorded is AgreementDevelopment agreement && !agreements.ContainsKey(agreement.Agreement))
        {
            agreements = new Dictionary<string, string?>(agreements, StringComparer.Ordinal) { [agreement.Agreement] = agreement.Title };
        }
        return relation with { Agreements = agreements };
    }
}

public sealed class RelationProjection : SingleStreamProjection<Relation, string>
{
    public RelationProjection()
    {
        // Only the relations' own events: Marten's tombstone stream (sequence numbers of failed
        // transactions) is not a relation, and a rebuild must not make it one.
        foreach (var type in EventStore.DevelopmentEventTypes()) IncludeType(type);
    }

    public override Relation? Evolve(Relation? snapshot, string id, IEvent e) =>
        e.Data is IDevelopmentEvent ? Relation.Fold(snapshot, id, e.Data, e.Timestamp) : snapshot;
}

/// <summary>
/// One document per development with its whole recorded history (see <see cref="Development"/>), kept inline
/// so a development can be read back, retracted or corrected the moment its 201 is answered.
/// </summary>
public sealed class DevelopmentProjection : MultiStreamProjection<Development, Guid>
{
    public DevelopmentProjection()
    {
        foreach (var type in EventStore.DevelopmentEventTypes()) IncludeType(type);
        Identity<IDevelopmentEvent>(e => e.DevelopmentId);
    }

    public override Development? Evolve(Development? snapshot, Guid id, IEvent e)
    {
        // Readers ask for "what changed since version n": an event without its stream version would be
        // invisible to them. RelationWriter always appends with the expected version, so Marten knows it.
        if (e.Version <= 0)
            throw new InvalidOperationException($"Event {e.Id} in {e.StreamKey} has no stream version; append through FetchForWriting.");
        return Development.Evolve(snapshot, e.StreamKey!, e.Data, e.Timestamp, e.Version);
    }
}
