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
}
