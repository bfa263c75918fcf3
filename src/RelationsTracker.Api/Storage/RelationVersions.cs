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

    /// <summary>
    /// The relations a starting node loads (<see cref="Relations.Replaying.RelationTimelines.PreloadAsync"/>), each with
    /// its stream version: the largest first, as many as fit in <paramref name="developments"/>, each counted at its
    /// stream version (never fewer than its developments), one too large to fit passed over; among relations of one size,
    /// those changed last first. Largest first because a large relation's first read is what costs (from its snapshot,
    /// hundreds of milliseconds at 100,000 developments), where a small one's costs a few milliseconds.
    /// </summary>
    public static async Task<List<(string Id, long Version)>> ToPreloadAsync(IDocumentStore store, long developments, CancellationToken ct)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(Relation)).TableName.QualifiedName;
        var chosen = new List<(string, long)>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select id, CAST(data ->> 'version' as bigint) as version from {table}
            order by version desc, CAST(data ->> 'lastRecordedAt' as timestamptz) desc, id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var room = developments;
        while (room > 0 && await reader.ReadAsync(ct))
        {
            var version = reader.GetInt64(1);
            if (version > room) continue;
            chosen.Add((reader.GetString(0), version));
            room -= version;
        }
        return chosen;
    }
}
