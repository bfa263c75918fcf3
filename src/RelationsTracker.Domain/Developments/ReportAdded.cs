namespace RelationsTracker.Developments;

/// <summary>
/// Another source's report on a development, recorded after it: it confirms or disputes it, with an optional quote in
/// the source's own language and its translation. It changes no field; it counts only under corroborated weighting.
/// </summary>
public sealed record ReportAdded(Guid DevelopmentId, Guid ReportId, ReportStance Stance, Source Source, string? Quote, string? Translation) : IDevelopmentEvent;
