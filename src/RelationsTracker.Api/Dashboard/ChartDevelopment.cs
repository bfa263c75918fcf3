namespace RelationsTracker.Api.Dashboard;

/// <summary>A development drawn as a tick on the time axis: when it counts from, what it was, its signed weight.</summary>
public sealed record ChartDevelopment(DateOnly EffectiveDate, string OccurredOn, string Type, double SignedWeight);
