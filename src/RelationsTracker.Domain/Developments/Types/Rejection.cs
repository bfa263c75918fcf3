namespace RelationsTracker.Developments;

public sealed record Rejection : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Rejection; }
