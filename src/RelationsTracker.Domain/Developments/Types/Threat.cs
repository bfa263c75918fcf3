namespace RelationsTracker.Developments;

public sealed record Threat : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Threat; }
