using Marten;
using RelationsTracker.Developments;
using Weasel.Postgresql.Tables;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// The developments made from GDELT events, found by the events' GLOBALEVENTIDs (a development lists one per GDELT row
/// it was made from): a GIN index over the ids in each document's <c>gdelt</c> list, so that a mentions import finds a
/// batch's developments in one indexed query. Documents without GDELT evidence add nothing to the index.
/// </summary>
public static class DevelopmentsByGdeltEvent
{
    // Written as Weasel reads PostgreSQL's own definition back (a cast spelt CAST), so that Marten's comparison at
    // start-up finds no change and does not build the index again.
    private const string Ids = """jsonb_path_query_array(data -> 'gdelt', CAST('$[*]."globalEventId"' AS jsonpath))""";

    public static IndexDefinition Index() => new("mt_doc_development_idx_gdelt_event")
    {
        Columns = [$"({Ids})"],
        Method = IndexMethod.gin,
    };

    /// <summary>The lookup, with its one parameter <c>@ids</c>: the GLOBALEVENTIDs, as text.</summary>
    public static string QueryOf(IDocumentStore store) => $"""
        select event.id, d.id, d.data ->> 'relation' from {DevelopmentDocuments.TableOf(store)} d, jsonb_array_elements_text({Ids}) as event (id)
        where {Ids} ?| @ids and event.id = any(@ids)
        """;

    /// <summary>For each GLOBALEVENTID of <paramref name="eventIds"/> that a development was made from: that development and its relation.</summary>
    public static async Task<Dictionary<string, (Guid Development, string Relation)>> FindAsync(IDocumentStore store, IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        var found = new Dictionary<string, (Guid, string)>(StringComparer.Ordinal);
        if (eventIds.Count == 0) return found;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = QueryOf(store);
        command.Parameters.AddWithValue("ids", eventIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found[reader.GetString(0)] = (reader.GetGuid(1), reader.GetString(2));
        return found;
    }
}
