namespace RelationsTracker.Api.Developments.Timeline;

public sealed record RetractionView(DateTime RecordedAt, string Reason, IReadOnlyList<SourceView> Sources);
