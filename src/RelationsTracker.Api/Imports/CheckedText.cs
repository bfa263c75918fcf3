using System.IO.Hashing;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// A decompressed stream checked as it is read: when it ends, its length and CRC-32 must be what the archive says
/// (a zip entry's sizes, a gzip file's trailer), so a file cut short or corrupted is an error, never a short import.
/// An error of the decompressor is said with the byte of the file it was reading.
/// </summary>
public sealed class CheckedText(Stream decompressed, Stream file, string archive, long expectedLength, uint expectedCrc, bool lengthModulo = false) : Stream
{
    private readonly Crc32 _crc = new();
    private long _length;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = decompressed.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }
        return Counted(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        int read;
        try
        {
            read = await decompressed.ReadAsync(buffer, ct);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }
        return Counted(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    /// <summary>Adds what was read to the length and checksum; at the end (nothing read), checks them.</summary>
    private int Counted(ReadOnlySpan<byte> read)
    {
        if (read.IsEmpty) Check();
        _crc.Append(read);
        _length += read.Length;
        return read.Length;
    }

    private InvalidDataException Corrupt(InvalidDataException e) =>
        new($"The {archive} file is corrupt at byte {file.Position:N0} of {file.Length:N0} (after {_length:N0} bytes of text): {e.Message}", e);

    private void Check()
    {
        var crc = _crc.GetCurrentHashAsUInt32();
        // A gzip trailer gives the length modulo 2^32.
        var length = lengthModulo ? _length & 0xFFFFFFFF : _length;
        if (length == expectedLength && crc == expectedCrc) return;
        throw new InvalidDataException(_length < expectedLength || archive == "gzip"
            ? $"The {archive} file is truncated or corrupt: it ends after {_length:N0} bytes of text, not the {expectedLength:N0} its {(archive == "gzip" ? "trailer" : "directory")} gives, or its checksum differs"
            : $"The {archive} file is corrupt: its text's checksum is not the one its directory gives");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
