namespace RelationsTracker.Api.Dashboard;

/// <summary>A series a chart draws beside its own: another relation's, or its own as known at another instant (dashed).</summary>
public sealed record ChartLine(string Label, IReadOnlyList<ChartPoint> Points, string Colour, bool Dashed);
