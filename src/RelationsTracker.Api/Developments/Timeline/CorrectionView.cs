using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Developments.Timeline;

public sealed record CorrectionView(DateTime RecordedAt, string Reason, string? OccurredOn, string? Type, string? Significance, string? Summary, string? Cameo)
{
    public static CorrectionView Of(Correction c) =>
        new(c.RecordedAt.UtcDateTime, c.Reason, c.OccurredOn?.ToString(), c.Type?.ToString(), c.Significance?.Name(), c.Summary, c.CameoCode);
}
