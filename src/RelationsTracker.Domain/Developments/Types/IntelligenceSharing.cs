namespace RelationsTracker.Developments;

public sealed record IntelligenceSharing : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.IntelligenceSharing; }
