using System.Globalization;

namespace RelationsTracker.Importing;

/// <summary>
/// A GDELT file index, as GDELT 2.0 publishes <c>lastupdate.txt</c> (the latest 15 minutes' files) and
/// <c>masterfilelist.txt</c> (every file): one line per file, <c>size md5 url</c>, separated by spaces. The import
/// takes the events exports (<c>*.export.CSV.zip</c>), or for a mentions import the mentions files beside them; never the GKG files.
/// </summary>
public sealed record GdeltIndex(IReadOnlyList<GdeltIndexEntry> Entries)
{
    /// <summary>The events exports it lists, in its order (oldest first, as GDELT writes it).</summary>
    public IReadOnlyList<GdeltIndexEntry> Exports => [.. Entries.Where(e => e.IsEventsExport)];

    /// <summary>The mentions files it lists, in its order.</summary>
    public IReadOnlyList<GdeltIndexEntry> Mentions => [.. Entries.Where(e => e.IsMentions)];

    /// <summary>
    /// The index in <paramref name="text"/>, or null when it is not one: every non-blank line must be an entry, so a
    /// GDELT events file or a CSV is never taken for an index.
    /// </summary>
    public static GdeltIndex? TryParse(string text)
    {
        var entries = new List<GdeltIndexEntry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                || parts[1].Length != 32 || !parts[1].All(char.IsAsciiHexDigit)
                || !Uri.TryCreate(parts[2], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                return null;
            entries.Add(new GdeltIndexEntry(size, parts[1].ToLowerInvariant(), url));
        }
        return entries.Count == 0 ? null : new GdeltIndex(entries);
    }

    /// <summary>
    /// Whether a file's first characters start as an index line does: digits, a space, 32 hex digits, a space, http;
    /// an events file or a CSV never does, so a downloaded file is told apart without reading it whole.
    /// </summary>
    public static bool LooksLikeStart(string start)
    {
        var space = start.IndexOf(' ');
        return space > 0 && start[..space].All(char.IsAsciiDigit) && start.Length >= space + 34 + 4
            && start.AsSpan(space + 1, 32).IndexOfAnyExcept("0123456789abcdefABCDEF") < 0 && start[space + 33] == ' '
            && start[(space + 34)..].StartsWith("http", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The exports a feed has not imported yet: those listed after the last one it imported; all of them not among
    /// <paramref name="imported"/> when that one is no longer listed (<c>lastupdate.txt</c> moves on every 15
    /// minutes); the latest alone on a feed's first look, so that following <c>masterfilelist.txt</c> does not
    /// import ten years at once.
    /// </summary>
    public IReadOnlyList<GdeltIndexEntry> NewExports(string? lastImported, IReadOnlyCollection<string> imported)
    {
        var exports = Exports;
        if (exports.Count == 0) return [];
        if (lastImported is null) return [exports[^1]];
        var at = exports.Select((e, i) => (e, i)).LastOrDefault(x => x.e.Url.AbsoluteUri == lastImported, (null!, -1)).Item2;
        var candidates = at >= 0 ? exports.Skip(at + 1) : exports;
        return [.. candidates.Where(e => !imported.Contains(e.Url.AbsoluteUri))];
    }
}
