using Marten;
using Npgsql;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// A relation's events in stream order, read straight from Marten's events table with Marten's serializer and event
/// type names: the columns a fold needs and nothing else. Marten's <c>FetchStreamAsync</c>, which makes an
/// <c>IEvent</c> of every row with all its metadata, took several times as long over a large relation
/// (docs/performance.md, "One relation's rebuild compared in the service").
/// </summary>
public static class RelationEvents
{
    public static async Task<List<(object Data, DateTimeOffset Timestamp, long Version)>> ReadAsync(IDocumentStore store, string relation, CancellationToken ct)
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var known in store.Options.Events.AllKnownEventTypes())
        {
            types[known.EventTypeName] = known.EventType;
            types[Imports.ImportedEventType.NameFor(known.EventTypeName)] = known.EventType;
        }
        var serializer = store.Options.Serializer();
        var events = new List<(object, DateTimeOffset, long)>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select type, version, timestamp, data from {store.Options.Events.DatabaseSchemaName}.mt_events where stream_id = @relation order by version",
            connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("relation", relation);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            var type = types.GetValueOrDefault(name) ?? throw new InvalidDataException($"{relation} holds an event of type '{name}', which this version does not know");
            events.Add((serializer.FromJson(type, reader, 3), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt64(1)));
        }
        return events;
    }
}
