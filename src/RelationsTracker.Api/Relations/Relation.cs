using JasperFx.Events;
using System.Text.Json.Serialization;
using Marten;
using Marten.Events.Projections;
using JasperFx.Events.Projections;
using RelationsTracker.Developments;
using RelationsTracker.Api.Infrastructure;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// What the write side needs to know about a relation to decide on a new development: its version (for
/// If-Match and optimistic concurrency), the agreements it has seen (a title is required the first time)
/// and the last moment anything was recorded in it (recorded time never goes backwards within a relation).
/// Kept inline by <see cref="RelationProjection"/>, so a writer reads it and the stream's version in one trip.
/// </summary>
public sealed record Relation
{
    public string Id { get; init; } = "";
    /// <summary>
    /// The stream version of the last event folded in: writers read it with the state, in one statement, so the
    /// two always agree. (Stored as "version", as documents made by earlier versions have it; not named
    /// Version, which Marten would manage as the document's own revision number.)
    /// </summary>
    [JsonPropertyName("version")]
    public long StreamVersion { get; init; }
    public DateTimeOffset LastRecordedAt { get; init; }
    /// <summary>Agreement slug → its title as first given.</summary>
    public Dictionary<string, string?> Agreements { get; init; } = new(StringComparer.Ordinal);

    public bool KnowsAgreement(string slug) => Agreements.ContainsKey(slug);

    /// <summary>
    /// The recorded time of a relation's next event: <paramref name="now"/> to the microsecond PostgreSQL stores (so
    /// a recordedAt passed back as knownAt includes its write), and always after <paramref name="previous"/>, so
    /// recorded time follows stream order even if the clock steps back or two events share a microsecond.
    /// </summary>
    public static DateTimeOffset NextRecordedAt(DateTimeOffset previous, DateTimeOffset now)
    {
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
        return now > previous ? now : previous.AddTicks(TimeSpan.TicksPerMicrosecond);
    }

    public static Relation Fold(Relation? relation, string id, object @event, DateTimeOffset recordedAt, long version)
    {
        relation ??= new Relation { Id = id };
        relation = relation with
        {
            StreamVersion = Math.Max(relation.StreamVersion, version),
            LastRecordedAt = recordedAt > relation.LastRecordedAt ? recordedAt : relation.LastRecordedAt,
        };
        if (@event is not DevelopmentRecorded recorded) return relation;

        var agreements = relation.Agreements;
        if (recorded is AgreementDevelopment agreement && !agreements.ContainsKey(agreement.Agreement))
        {
            agreements = new Dictionary<string, string?>(agreements, StringComparer.Ordinal) { [agreement.Agreement] = agreement.Title };
        }
        return relation with { Agreements = agreements };
    }
}

/// <summary>
/// The <see cref="Relation"/> documents, folded from each page of events onto the documents as they stood.
///
/// Hand-written rather than a single-stream aggregation so that, inline, it folds onto the document the
/// writing session already holds (RelationWriter keeps each relation's in its session's identity map) instead
/// of reading it back on every write; and so that a rebuild applies pages one after another, never touching a
/// session from parallel workers.
/// </summary>
public sealed class RelationProjection : IProjection
{
    public const string Name = "Relation";

    public static void Register(StoreOptions opts) =>
        opts.Projections.Add(new RelationProjection(), ProjectionLifecycle.Inline, Name,
            rebuild => rebuild.DeleteViewTypeOnTeardown<Relation>());

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
            rebuild => rebuild.DeleteViewTypeOnTeardown<Development>());

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
        operations.QueueOperation(new DevelopmentDocuments(table, operations.DocumentStore.Options.Serializer(), changed.Values));
    }
}
