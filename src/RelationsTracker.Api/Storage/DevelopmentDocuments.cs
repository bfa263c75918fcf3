using Marten;
using RelationsTracker.Developments;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// Writes a page's new and changed <see cref="Development"/> documents to Marten's own document table with one
/// statement, an upsert over arrays, in the same unit of work as the events. Storing each document would send an
/// upsert and read a result back per development (docs/performance.md, import step 1). The columns mean what they
/// mean to Marten: its serializer's JSON, a numeric revision that starts at 1 and grows by one per write, the
/// transaction's time. Marten reads these documents as it reads any other.
/// </summary>
public static class DevelopmentDocuments
{
    private static readonly string DotNetType = typeof(Development).FullName!;

    /// <summary>Marten's table for the documents, as the store maps it.</summary>
    public static string TableOf(IDocumentStore store) =>
        store.Options.FindOrResolveDocumentType(typeof(Development)).TableName.QualifiedName;

    /// <param name="developments">Each development once, as ON CONFLICT needs (DevelopmentProjection).</param>
    public static void Queue(IDocumentOperations operations, string table, IReadOnlyCollection<Development> developments)
    {
        var serializer = operations.DocumentStore.Options.Serializer();
        var ids = new Guid[developments.Count];
        var data = new string[developments.Count];
        var i = 0;
        foreach (var development in developments)
        {
            ids[i] = development.Id;
            data[i] = serializer.ToJson(development);
            i++;
        }
        operations.QueueSqlCommand($"""
            insert into {table} as d (id, data, mt_version, mt_dotnet_type, mt_last_modified)
            select page.id, page.data::jsonb, 1, ?, transaction_timestamp()
            from unnest(?::uuid[], ?::text[]) as page (id, data)
            on conflict (id) do update set data = excluded.data, mt_version = d.mt_version + 1,
                mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = excluded.mt_last_modified
            """, DotNetType, ids, data);
    }
}
