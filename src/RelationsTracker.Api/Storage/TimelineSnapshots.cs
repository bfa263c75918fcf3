using Marten;
using Npgsql;
using NpgsqlTypes;
using RelationsTracker.Developments;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using RelationsTracker.Relations;

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
        // How many developments the snapshot holds, so a starting node can choose what fits in its memory (0: written
        // before the column was).
        table.AddColumn("developments", "integer").NotNull().DefaultValueByExpression("0");
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
    public static Task SaveAsync(IDocumentStore store, string relation, long version, IReadOnlyCollection<DevelopmentHistory> developments, CancellationToken ct) =>
        SaveAsync(store, [(relation, version, developments.Count, TimelineSnapshotCodec.Encode(developments))], ct);

    /// <summary>Stores each timeline as its relation's snapshot, in one statement, except where one at its version or later is there.</summary>
    public static Task SaveManyAsync(IDocumentStore store, IReadOnlyList<RelationTimeline> timelines, CancellationToken ct) =>
        SaveAsync(store, [.. timelines.GroupBy(t => t.Relation).Select(g => g.MaxBy(t => t.Version)!)
            .Select(t => (t.Relation.ToString(), t.Version, t.Count, TimelineSnapshotCodec.Encode([.. t.Developments])))], ct);

    private static async Task SaveAsync(IDocumentStore store, IReadOnlyList<(string Relation, long Version, int Developments, byte[] Data)> snapshots, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            insert into {TableName.QualifiedName} as s (relation, version, format, data, developments)
            select page.relation, page.version, @format, page.data, page.developments
            from unnest(@relations, @versions, @data, @developments) as page (relation, version, data, developments)
            on conflict (relation) do update set version = excluded.version, format = excluded.format, data = excluded.data,
                developments = excluded.developments
            where s.version < excluded.version or s.format <> excluded.format
            """, connection);
        command.Parameters.AddWithValue("relations", snapshots.Select(x => x.Relation).ToArray());
        command.Parameters.AddWithValue("versions", snapshots.Select(x => x.Version).ToArray());
        command.Parameters.AddWithValue("format", TimelineSnapshotCodec.Format);
        command.Parameters.AddWithValue("data", NpgsqlDbType.Array | NpgsqlDbType.Bytea, snapshots.Select(x => x.Data).ToArray());
        command.Parameters.AddWithValue("developments", snapshots.Select(x => x.Developments).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes the relation's snapshot in the session's unit of work (its documents are being rebuilt).</summary>
    public static void QueueForget(IDocumentOperations operations, string relation) =>
        operations.QueueSqlCommand($"delete from {TableName.QualifiedName} where relation = ?", relation);
}
