namespace RelationsTracker.Relations;

/// <summary>
/// The rules by which a node holds relations' timelines (the host's RelationTimelines does the I/O): when a timeline is
/// worth a new snapshot, and which relations a starting node loads.
/// </summary>
public static class TimelineHolding
{
    /// <summary>
    /// Whether a timeline of <paramref name="developments"/> that is <paramref name="changes"/> events past its snapshot
    /// is worth a new one: a tenth of its size, at least 100 (smaller relations read fast from their documents) and at
    /// most 10,000 (a node starting from the snapshot reads at most that many documents more).
    /// </summary>
    public static bool SnapshotDue(int developments, long changes) => changes >= Math.Clamp(developments / 10, 100, 10_000);

    /// <summary>
    /// From relations ordered largest first (by stream version, never fewer than their developments), those a starting
    /// node loads: in that order, as many as fit in <paramref name="room"/> developments, one too large to fit passed
    /// over. Largest first because a large relation's first read is what costs (hundreds of milliseconds from its
    /// snapshot at 100,000 developments), where a small one's costs a few milliseconds.
    /// </summary>
    public static List<(string Id, long Version)> ToPreload(IEnumerable<(string Id, long Version)> largestFirst, long room)
    {
        var chosen = new List<(string, long)>();
        foreach (var (id, version) in largestFirst)
        {
            if (room <= 0) break;
            if (version > room) continue;
            chosen.Add((id, version));
            room -= version;
        }
        return chosen;
    }
}
