namespace RelationsTracker.Importing;

/// <summary>One file of a <see cref="GdeltIndex"/>: its size in bytes, its MD5 (lower-case hex) and its URL.</summary>
public sealed record GdeltIndexEntry(long Size, string Md5, Uri Url)
{
    /// <summary>An events export (<c>20150218230000.export.CSV.zip</c>), not a mentions or GKG file.</summary>
    public bool IsEventsExport => Url.Segments[^1].Contains(".export.", StringComparison.OrdinalIgnoreCase);

    /// <summary>A mentions file (<c>20150218230000.mentions.CSV.zip</c>).</summary>
    public bool IsMentions => Url.Segments[^1].Contains(".mentions.", StringComparison.OrdinalIgnoreCase);
}
