using System.Buffers;
using System.Security.Cryptography;
using Marten;
using Npgsql;
using RelationsTracker.Developments;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// Development documents by the SHA-256 of their JSON as PostgreSQL prints it (<see cref="JsonbText"/>): read for a
/// relation's stored documents, 32 bytes each, and computed for those a fold makes. One relation's rebuild compares
/// them in the service instead of sending every document for PostgreSQL to parse and compare with its stored one
/// (docs/performance.md, "One relation's rebuild compared in the service").
/// </summary>
public static class DocumentDigests
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? json, printed;

    /// <summary>The digest of each of the relation's stored documents, by id.</summary>
    public static async Task<Dictionary<Guid, byte[]>> OfRelationAsync(IDocumentStore store, string relation, CancellationToken ct)
    {
        var digests = new Dictionary<Guid, byte[]>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select id, sha256(convert_to(data::text, 'UTF8')) from {DevelopmentDocuments.TableOf(store)} where data ->> 'relation' = @relation",
            connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("relation", relation);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) digests[reader.GetGuid(0)] = reader.GetFieldValue<byte[]>(1);
        return digests;
    }

    /// <summary>Whether the development, as the store's serializer writes it, is the document of this digest.</summary>
    public static bool IsStoredAs(ISerializer serializer, Development development, byte[] digest)
    {
        (json ??= new(1024)).ResetWrittenCount();
        (printed ??= new(1024)).ResetWrittenCount();
        serializer.WriteTo(json, development);
        JsonbText.Write(json.WrittenSpan, printed);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(printed.WrittenSpan, hash);
        return hash.SequenceEqual(digest);
    }
}
