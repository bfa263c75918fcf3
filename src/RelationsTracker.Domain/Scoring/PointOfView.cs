namespace RelationsTracker.Scoring;

/// <summary>
/// A bitemporal point of view: the relation as it stood at the end of asOf, counting what was recorded by knownAt,
/// each contribution weighed plainly or by its corroboration.
/// </summary>
public sealed record PointOfView(DateOnly AsOf, DateTimeOffset KnownAt, int HalfLifeDays, Weighting Weighting = Weighting.Plain);
