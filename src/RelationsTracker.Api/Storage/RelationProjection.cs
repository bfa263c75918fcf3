using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// The <see cref="Relation"/> documents, folded from each page of events onto the documents as they stood.
///
/// Hand-written rather than a single-stream aggregation so that, inline, it folds onto the document the
/// writing session already holds (each of RelationWriter's lanes keeps its relations' in its session's identity map) instead
/// of reading it back on every write; and so that a rebuild applies pages one after another, never touching a
/// session from parallel workers.
/// </summary>
public sealed class RelationProjection : IProjection
{
    public const string Name = "Relation";

    public static void Register(StoreOptions opts) =>
        opts.Projections.Add(new RelationProjection(), ProjectionLifecycle.Inline, Name,
            rebuild =>
            {
                rebuild.DeleteViewTypeOnTeardown<Relation>();
                // Pages of 5,000 events rather than Marten's 500: a rebuild commits once per page (docs/performance.md).
                rebuild.BatchSize = 5_000;
                rebuild.MaximumHopperSize = 20_000;
            });

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // Only the relations' own events: Marten's tombstone stream (sequence numbers of failed transactions)
        // is not a relation, and a rebuild must not make it one.
        var page = events.Where(e => e.Data is IDevelopmentEvent).ToList();
        if (page.Count == 0) return;

        var ids = page.Select(e => e.StreamKey!).Distinct().ToArray();
        var relations = (await operations.LoadManyAsync<Relation>(cancellation, ids)).ToDictionary(r => r.Id);
        foreach (var e in page)
        {
            relations.TryGetValue(e.StreamKey!, out var current);
            relations[e.StreamKey!] = Relation.Fold(current, e.StreamKey!, e.Data, e.Timestamp, e.Version);
        }
        foreach (var id in ids) operations.Store(relations[id]);
    }
}
