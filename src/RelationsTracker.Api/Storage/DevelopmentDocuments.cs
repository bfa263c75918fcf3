using System.Data.Common;
using Marten;
using NpgsqlTypes;
using RelationsTracker.Developments;
using Weasel.Core;
using Weasel.Storage;

using ICommandBuilder = Weasel.Postgresql.ICommandBuilder;
using ISerializer = Marten.ISerializer;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// Writes a page's new and changed <see cref="Development"/> documents to Marten's own document table with one
/// statement: an upsert over arrays, in the same unit of work as the events. Storing each document would send one
/// upsert of sixteen parameters per development, and read a result back for each: for an import's page of 2,000
/// developments, 32,000 parameters and 2,000 results, which took more of the service's time than the events
/// themselves (docs/performance.md). The columns and their meaning are Marten's: the JSON as Marten's serializer
/// writes it, a numeric revision that starts at 1 and grows by one per write, and the modification time of the
/// transaction. Marten reads these documents as it reads any other.
/// </summary>
public sealed class DevelopmentDocuments(string table, ISerializer serializer, IReadOnlyCollection<Development> developments)
    : Marten.Internal.Operations.IStorageOperation, NoDataReturnedCall
{
    private static readonly string DotNetType = typeof(Development).FullName!;

    /// <summary>Marten's table for the documents, as the store maps it.</summary>
    public static string TableOf(IDocumentStore store) =>
        store.Options.FindOrResolveDocumentType(typeof(Development)).TableName.QualifiedName;

    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        var ids = new Guid[developments.Count];
        var data = new string[developments.Count];
        var i = 0;
        foreach (var development in developments)
        {
            ids[i] = development.Id;
            data[i] = serializer.ToJson(development);
            i++;
        }

        // A page holds each development once (DevelopmentProjection), as ON CONFLICT needs.
        var parameters = builder.AppendWithParameters($"""
            insert into {table} as d (id, data, mt_version, mt_dotnet_type, mt_last_modified)
            select page.id, page.data, 1, ?, transaction_timestamp()
            from unnest(?, ?) as page (id, data)
            on conflict (id) do update set data = excluded.data, mt_version = d.mt_version + 1,
                mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = excluded.mt_last_modified
            """, '?');
        Set(parameters[0], NpgsqlDbType.Varchar, DotNetType);
        Set(parameters[1], NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids);
        Set(parameters[2], NpgsqlDbType.Array | NpgsqlDbType.Jsonb, data);
    }

    private static void Set(Npgsql.NpgsqlParameter parameter, NpgsqlDbType type, object value)
    {
        parameter.NpgsqlDbType = type;
        parameter.Value = value;
    }

    public Type DocumentType => typeof(Development);

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

    public OperationRole Role() => OperationRole.Other;
}
