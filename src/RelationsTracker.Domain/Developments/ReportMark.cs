namespace RelationsTracker.Developments;

/// <summary>What corroboration and revisions read of a report: when it was recorded, its stance and its source's key.</summary>
public sealed record ReportMark(DateTimeOffset RecordedAt, long Version, ReportStance Stance, string SourceKey);
