using Marten;
using RelationsTracker.Developments;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// A relation's developments recorded or changed after a version of its stream: what a timeline held in memory, or
/// started from a snapshot, lacks. Both forms are answered from the documents' one index (EventStore).
/// </summary>
public static class ChangedDevelopments
{
    public static IQueryable<Development> Since(IQuerySession session, string relation, long version) =>
        session.Query<Development>().Where(d => d.Relation == relation && d.LastVersion > version);

    /// <summary>
    /// Each relation's developments changed after its version, in one query: the pairs joined to the index, as
    /// <see cref="Since"/> asks it for one relation.
    /// </summary>
    public static async Task<Dictionary<string, List<Development>>> ReadAsync(IDocumentStore store,
        IReadOnlyList<(string Relation, long Since)> relations, CancellationToken ct)
    {
        var changed = new Dictionary<string, List<Development>>(StringComparer.Ordinal);
        if (relations.Count == 0) return changed;
        var serializer = store.Options.Serializer();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand($"""
            select d.data from {DevelopmentDocuments.TableOf(store)} d
            join unnest(@relations, @since) as page (relation, since)
              on d.data ->> 'relation' = page.relation and CAST(d.data ->> 'lastVersion' as bigint) > page.since
            """, connection);
        command.Parameters.AddWithValue("relations", relations.Select(r => r.Relation).ToArray());
        command.Parameters.AddWithValue("since", relations.Select(r => r.Since).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var development = serializer.FromJson<Development>(reader, 0);
            if (!changed.TryGetValue(development.Relation, out var list)) changed[development.Relation] = list = [];
            list.Add(development);
        }
        return changed;
    }
}
