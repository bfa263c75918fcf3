using Marten;
using RelationsTracker.Api.Storage;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations.Replaying;

// The snapshot writes of RelationTimelines: one at a time, off the reads that made them due.
public sealed partial class RelationTimelines
{
    // Written after the answer, off the request: the read that met the changes does not wait for it.
    private void SaveSnapshots(IDocumentStore store, IReadOnlyList<Entry> due)
    {
        if (due.Count == 0 || !_writer.Wait(0)) return;
        var timelines = due.Select(e => e.Timeline).ToList();
        foreach (var entry in due) entry.SnapshotVersion = entry.Timeline.Version;
        _ = Task.Run(async () =>
        {
            try
            {
                await TimelineSnapshots.SaveManyAsync(store, timelines, CancellationToken.None);
            }
            catch (Exception e)
            {
                Logger.LogWarning(e, "Could not write the snapshots of {Count} relations, {First} first", timelines.Count, timelines[0].Relation);
                foreach (var entry in due) entry.SnapshotVersion = 0;
            }
            finally
            {
                _writer.Release();
            }
        });
    }

    /// <summary>
    /// Writes the snapshot of every relation held whose snapshot is due, after the write under way if any, and waits for
    /// it: a starting node's reads make snapshots due, and one passed over while another write ran would wait for the
    /// relation's next read. Ready waits for them (<see cref="Storage.WarmUp"/>) rather than let the first users' requests
    /// share the cores with the writes.
    /// </summary>
    public async Task SaveDueSnapshotsAsync(IDocumentStore store, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            // A group at a time, as they are read: encoded all at once they would take as much memory again as they hold.
            var group = new List<Entry>();
            long size = 0;
            foreach (var entry in _timelines.Values.Where(IsDue))
            {
                group.Add(entry);
                size += entry.Timeline.Count;
                if (size < mostReadAtOnce) continue;
                await SaveAsync(group);
                size = 0;
            }
            if (group.Count > 0) await SaveAsync(group);
        }
        finally
        {
            _writer.Release();
        }

        async Task SaveAsync(List<Entry> entries)
        {
            await TimelineSnapshots.SaveManyAsync(store, [.. entries.Select(e => e.Timeline)], ct);
            foreach (var entry in entries) entry.SnapshotVersion = entry.Timeline.Version;
            entries.Clear();
        }
    }

    private static bool IsDue(Entry entry) => TimelineHolding.SnapshotDue(entry.Timeline.Count, entry.Timeline.Version - entry.SnapshotVersion);
}
