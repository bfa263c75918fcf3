namespace RelationsTracker.Developments;

public sealed record Demand : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Demand; }
