using Marten;
using Npgsql;
using NpgsqlTypes;
using RelationsTracker.Developments;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// Each relation's developments' histories as of a version of its stream, kept in PostgreSQL so that a node that has
/// never read a relation starts from the snapshot and asks the documents only for what changed after it, instead of
/// reading every development (docs/architecture.md, "Reads"). Derived from the development documents: a rebuild
/// removes the snapshots with them, and a snapshot of another <see cref="TimelineSnapshotCodec.Format"/> is not read.
/// </summary>
public static class TimelineSnapshots
{
    public static readonly PostgresqlObjectName TableName = new(EventStore.Schema, "timeline_snapshots");

    public static Table Table()
    {
        var table = new Table(TableName);
        table.AddColumn("relation", "text").AsPrimaryKey();
        table.AddColumn("version", "bigint").NotNull();
        table.AddColumn("format", "integer").NotNull();
        table.AddColumn("data", "bytea").NotNull();
        return table;
    }

    /// <summary>The relations' snapshots of this format, each with the stream version it reflects, by relation.</summary>
    public static async Task<Dictionary<string, (long Version, List<DevelopmentHistory> Developments)>> LoadManyAsync(
        IDocumentStore store, IReadOnlyList<string> relations, CancellationToken ct)
    {
        var snapshots = new Dictionary<string, (long, List<DevelopmentHistory>)>(StringComparer.Ordinal);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select relation, version, data from {TableName.QualifiedName} where relation = any(@relations) and format = @format", connection);
        command.Parameters.AddWithValue("relations", relations.ToArray());
        command.Parameters.AddWithValue("format", TimelineSnapshotCodec.Format);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            snapshots[reader.GetString(0)] = (reader.GetInt64(1), TimelineSnapshotCodec.Decode(reader.GetFieldValue<byte[]>(2)));
        return snapshots;
    }

    /// <summary>Stores the relation's snapshot at <paramref name="version"/>, unless one at that version or later is there.</summary>
    public static async Task SaveAsync(IDocumentStore store, string relation, long version, IReadOnlyCollection<DevelopmentHistory> developments, CancellationToken ct)
    {
        var data = TimelineSnapshotCodec.Encode(developments);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            insert into {TableName.QualifiedName} as s (relation, version, format, data) values (@relation, @version, @format, @data)
            on conflict (relation) do update set version = excluded.version, format = excluded.format, data = excluded.data
            where s.version < excluded.version or s.format <> excluded.format
            """, connection);
        command.Parameters.AddWithValue("relation", relation);
        command.Parameters.AddWithValue("version", version);
        command.Parameters.AddWithValue("format", TimelineSnapshotCodec.Format);
        command.Parameters.AddWithValue("data", NpgsqlDbType.Bytea, data);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes the relation's snapshot in the session's unit of work (its documents are being rebuilt).</summary>
    public static void QueueForget(IDocumentOperations operations, string relation) =>
        operations.QueueSqlCommand($"delete from {TableName.QualifiedName} where relation = ?", relation);
}
