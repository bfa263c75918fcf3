namespace RelationsTracker.Developments;

/// <summary>A report on a development as recorded: when, at which version of the relation, and what it said.</summary>
public sealed record Report(Guid Id, DateTimeOffset RecordedAt, long Version, ReportStance Stance, Source Source, string? Quote, string? Translation);
