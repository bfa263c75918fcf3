using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using RelationsTracker.Developments;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// One document per development with its whole recorded history (see <see cref="Development"/>), kept inline
/// so a development can be read back, retracted or corrected the moment its 201 is answered.
///
/// Hand-written rather than a multi-stream aggregation because most events record a new development, whose
/// document cannot exist yet: an aggregation would read it back first, one more query on every write. Only
/// retractions and corrections of developments recorded in an earlier page are read, in one query per page. The
/// page's documents are written together (<see cref="DevelopmentDocuments"/>).
/// </summary>
public sealed class DevelopmentProjection : IProjection
{
    public const string Name = "Development";

    private string? _table;

    public static void Register(StoreOptions opts) =>
        opts.Projections.Add(new DevelopmentProjection(), ProjectionLifecycle.Inline, Name,
            // A rebuild starts from no documents, as an aggregation's would.
            rebuild =>
            {
                rebuild.DeleteViewTypeOnTeardown<Development>();
                // Relations' snapshots are made from these documents.
                rebuild.DeleteDataInTableOnTeardown(TimelineSnapshots.TableName.QualifiedName);
                // Pages of 5,000 events rather than Marten's 500: a rebuild commits once per page (docs/performance.md).
                rebuild.BatchSize = 5_000;
                rebuild.MaximumHopperSize = 20_000;
            });

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var page = events.Where(e => e.Data is IDevelopmentEvent).ToList();
        if (page.Count == 0) return;

        var recordedHere = page.Where(e => e.Data is DevelopmentRecorded).Select(e => ((IDevelopmentEvent)e.Data).DevelopmentId).ToHashSet();
        var earlier = page.Select(e => ((IDevelopmentEvent)e.Data).DevelopmentId).Where(id => !recordedHere.Contains(id)).Distinct().ToArray();
        var developments = earlier.Length == 0
            ? new Dictionary<Guid, Development>()
            : (await operations.LoadManyAsync<Development>(cancellation, earlier)).ToDictionary(d => d.Id);

        var changed = new Dictionary<Guid, Development>();
        foreach (var e in page)
        {
            // Readers ask for "what changed since version n": an event without its stream version would be
            // invisible to them. RelationWriter always appends with the expected version, so Marten knows it.
            if (e.Version <= 0)
                throw new InvalidOperationException($"Event {e.Id} in {e.StreamKey} has no stream version; append with the expected version.");
            var id = ((IDevelopmentEvent)e.Data).DevelopmentId;
            if (!developments.TryGetValue(id, out var current) && e.Data is not DevelopmentRecorded)
                throw new InvalidOperationException(
                    $"Event {e.Id} (version {e.Version} of {e.StreamKey}) changes development {id}, which was never recorded.");
            if (Development.Evolve(current, e.StreamKey!, e.Data, e.Timestamp, e.Version) is { } next && !ReferenceEquals(next, current))
                developments[id] = changed[id] = next;
        }
        if (changed.Count == 0) return;
        var table = _table ??= DevelopmentDocuments.TableOf(operations.DocumentStore);
        DevelopmentDocuments.Queue(operations, table, changed.Values);
    }
}
