namespace RelationsTracker.Developments;

public sealed record RelationsReduced : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.RelationsReduced; }
