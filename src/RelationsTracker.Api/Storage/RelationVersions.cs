using System.Runtime.CompilerServices;
using Marten;
using Npgsql;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// Relations' ids and stream versions, read from the Relation documents' JSON in one plain query: the list reads all of
/// them on each request, and Marten's Select builds and parses a JSON object per row (docs/performance.md).
/// </summary>
public static class RelationVersions
{
    public static async Task<List<(string Id, long Version)>> AllAsync(IDocumentStore store, CancellationToken ct)
    {
        var versions = new List<(string, long)>();
        await foreach (var row in RowsAsync(store, table => $"select id, CAST(data ->> 'version' as bigint) from {table}", ct)) versions.Add(row);
        return versions;
    }

    /// <summary>
    /// The relations a starting node loads (<see cref="Relations.Replaying.RelationTimelines.PreloadAsync"/>), with their
    /// stream versions, chosen by <see cref="TimelineHolding.ToPreload"/>; among relations of one size, those changed last first.
    /// </summary>
    public static async Task<List<(string Id, long Version)>> ToPreloadAsync(IDocumentStore store, long developments, CancellationToken ct)
    {
        var largestFirst = new List<(string, long)>();
        await foreach (var row in RowsAsync(store, table => $"""
            select id, CAST(data ->> 'version' as bigint) as version from {table}
            order by version desc, CAST(data ->> 'lastRecordedAt' as timestamptz) desc, id
            """, ct)) largestFirst.Add(row);
        return TimelineHolding.ToPreload(largestFirst, developments);
    }

    private static async IAsyncEnumerable<(string Id, long Version)> RowsAsync(IDocumentStore store, Func<string, string> sqlOnTable,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(Relation)).TableName.QualifiedName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sqlOnTable(table), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return (reader.GetString(0), reader.GetInt64(1));
    }
}
