using System.Security.Cryptography;
using System.Text;
using RelationsTracker.Relations;

namespace RelationsTracker.Importing;

/// <summary>
/// Imported developments have ids made from what they are, not drawn at random: the same row imported again
/// gets the same id, so an import can tell it is already recorded. The ids are name-based UUIDs (RFC 9562
/// version 5, SHA-1) in a namespace of the tracker's own; developments recorded through the API have random
/// version 7 ids, so the version alone says whether a development came from an import.
/// </summary>
public static class ImportedDevelopment
{
    /// <summary>The tracker's namespace for imported development ids (a fixed, random UUID).</summary>
    public static readonly Guid Namespace = new("6d1f3a52-8b0e-4c47-9a43-52e3b7c1d9f0");

    /// <summary>
    /// The id of a GDELT event's development: its relation, exact code, day and source name it, not its GLOBALEVENTID,
    /// because GDELT writes one reported event as several rows (one per actor coding, each with its own id) and those
    /// are one development (<see cref="RepeatedEvents"/>).
    /// </summary>
    public static Guid IdOfGdeltEvent(RelationId relation, string eventCode, string sqlDate, string sourceUrl) =>
        NameBased($"gdelt-event:{relation}\u001f{eventCode}\u001f{sqlDate}\u001f{sourceUrl}");

    /// <summary>The id of a CSV row's development: its fields as parsed name it, so only an identical row is the same development.</summary>
    public static Guid IdOfCsvRow(IEnumerable<string> canonicalFields) => NameBased("csv:" + string.Join('\u001f', canonicalFields));

    /// <summary>
    /// The id of the report a GDELT mention makes: the development and the article name it, so an article that mentions
    /// the event again (in another file, or another of the event's GDELT rows) is the same report.
    /// </summary>
    public static Guid IdOfMention(Guid developmentId, string mentionIdentifier) => NameBased($"gdelt-mention:{developmentId}\u001f{mentionIdentifier}");

    public static bool IsImported(Guid id) => id.Version == 5;

    private static Guid NameBased(string name)
    {
        Span<byte> input = stackalloc byte[16];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        input.CopyTo(bytes);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(bytes, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // the RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
