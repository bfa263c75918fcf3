using Marten;
using RelationsTracker.Api.Relations;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// An imported development is stored under an event type name of its own (<c>imported_official_visit</c>
/// beside <c>official_visit</c>), with the same .NET type. Marten reads such an event back as that type (an
/// event type name it does not know is resolved through the row's .NET type name), so streams, projections
/// and rebuilds see an ordinary development. What the name changes is the notification subscription's reads:
/// it includes only the catalogue's own names, so PostgreSQL never hands the daemon the imported events it
/// would only skip (imports are not announced one by one). Reading a million of them back cost the import
/// a fifth of its time (docs/performance.md).
/// </summary>
public static class ImportedEventType
{
    public const string Prefix = "imported_";

    public static string NameFor(string eventTypeName) => Prefix + eventTypeName;

    /// <summary>
    /// Appends an import's events to a relation after the version its state was read at, each recorded after the one
    /// before (<see cref="Relation.NextRecordedAt"/>), under the imported names.
    /// </summary>
    public static void Append(IDocumentSession session, string relation, Relation? state, IEnumerable<object> events, DateTimeOffset now)
    {
        var recordedAt = state?.LastRecordedAt ?? DateTimeOffset.MinValue;
        var stamped = events.Select(e => (e, recordedAt = Relation.NextRecordedAt(recordedAt, now))).ToList();
        foreach (var e in RelationStream.Append(session, relation, state?.StreamVersion ?? 0, stamped))
            e.EventTypeName = NameFor(e.EventTypeName);
    }
}
