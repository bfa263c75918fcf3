using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>What GET /api/imports/{id} answers.</summary>
public sealed record ImportView(
    Guid Id,
    string Format,
    bool Atomic,
    string Source,
    string? Url,
    string? Index,
    Guid? FeedId,
    long Bytes,
    string Status,
    string Phase,
    long RowsRead,
    long Recorded,
    long AlreadyImported,
    long Repeats,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByKind,
    IReadOnlyList<RejectedRow> Rejections,
    bool RejectionsTruncated,
    string? Failure,
    DateTime StartedAt,
    DateTime UpdatedAt,
    DateTime? FinishedAt,
    double ElapsedSeconds,
    double RowsPerSecond)
{
    public static ImportView Of(ImportRun run, DateTimeOffset now)
    {
        var elapsed = ((run.FinishedAt ?? now) - run.StartedAt).TotalSeconds;
        return new ImportView(run.Id, run.Format, run.Atomic, run.Source, run.Url, run.Index, run.FeedId, run.Bytes, run.Status, run.Phase, run.RowsRead, run.Recorded,
            run.AlreadyImported, run.Repeats, run.Rejected, run.RejectedByKind, run.Rejections, run.Rejected > run.Rejections.Count, run.Failure,
            run.StartedAt.UtcDateTime, run.UpdatedAt.UtcDateTime, run.FinishedAt?.UtcDateTime,
            Math.Round(elapsed, 3), elapsed > 0 ? Math.Round(run.RowsRead / elapsed, 1) : 0);
    }
}
