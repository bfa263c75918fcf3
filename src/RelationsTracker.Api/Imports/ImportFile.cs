using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// The text of an import's file, as it was uploaded: plain, a zip of one file (GDELT publishes its exports as
/// <c>20161013151500.export.CSV.zip</c>) or gzip, told apart by the file's first bytes rather than by a name or a
/// content type a client may not send. Decompression streams, so memory stays bounded whatever the file's size.
/// </summary>
public sealed class ImportFile : IDisposable
{
    private readonly FileStream _file;
    private readonly ZipArchive? _zip;

    public StreamReader Text { get; }

    private ImportFile(FileStream file, ZipArchive? zip, Stream content)
    {
        (_file, _zip) = (file, zip);
        Text = new StreamReader(content, Utf8MarkingInvalidBytes, detectEncodingFromByteOrderMarks: true, 1 << 16);
    }

    // Bytes that are not UTF-8 become a noncharacter no text holds, so the row they are in is refused by line (ImportRows).
    private static readonly Encoding Utf8MarkingInvalidBytes = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback,
        new DecoderReplacementFallback(TextRecords.InvalidBytes.ToString()));

    /// <exception cref="InvalidDataException">a zip that does not hold exactly one file</exception>
    public static ImportFile Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> start = stackalloc byte[4];
            var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            file.Position = 0;
            if (read >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] is 3 or 5 && start[3] is 4 or 6)
            {
                var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
                var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
                if (files.Count != 1)
                {
                    zip.Dispose();
                    throw new InvalidDataException($"The zip file holds {files.Count} files; an import takes one file (GDELT events or CSV rows), plain, zipped or gzipped.");
                }
                return new ImportFile(file, zip, new CheckedText(files[0].Open(), file, "zip", files[0].Length, files[0].Crc32));
            }
            if (read >= 2 && start[0] == 0x1F && start[1] == 0x8B)
            {
                // The trailer: CRC-32 and length (mod 2^32) of the text. One member, as gzip writes a file.
                if (file.Length < 18) throw new InvalidDataException($"The gzip file is truncated: {file.Length} bytes, shorter than a gzip header and trailer.");
                Span<byte> trailer = stackalloc byte[8];
                file.Seek(-8, SeekOrigin.End);
                file.ReadExactly(trailer);
                file.Position = 0;
                var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
                var length = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
                return new ImportFile(file, null, new CheckedText(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), file, "gzip", length, crc, lengthModulo: true));
            }
            return new ImportFile(file, null, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What is wrong with the start of the file at <paramref name="path"/> for <paramref name="format"/>, or null: the
    /// first record (<see cref="ImportRows.CheckStart"/>), or a zip or gzip that cannot be read as one file.
    /// </summary>
    public static string? StartProblem(string path, ImportFormat format)
    {
        try
        {
            using var file = Open(path);
            return ImportRows.CheckStart(format, file.Text);
        }
        catch (InvalidDataException e)
        {
            return e.Message; // a zip of several files, a broken zip or gzip
        }
    }

    public void Dispose()
    {
        Text.Dispose(); // and the entry or gzip stream under it
        _zip?.Dispose();
        _file.Dispose();
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
