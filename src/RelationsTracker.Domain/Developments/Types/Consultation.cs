namespace RelationsTracker.Developments;

public sealed record Consultation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Consultation; }
