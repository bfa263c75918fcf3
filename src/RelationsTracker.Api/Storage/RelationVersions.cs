using Marten;
using Npgsql;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// Every relation's id and stream version, read from the Relation documents' JSON in one plain query: the list reads
/// all of them on each request, and Marten's Select builds and parses a JSON object per row (docs/performance.md).
/// </summary>
public static class RelationVersions
{
    public static async Task<List<(string Id, long Version)>> AllAsync(IDocumentStore store, CancellationToken ct)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(Relation)).TableName.QualifiedName;
        var versions = new List<(string, long)>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select id, CAST(data ->> 'version' as bigint) from {table}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) versions.Add((reader.GetString(0), reader.GetInt64(1)));
        return versions;
    }
}
