namespace RelationsTracker.Developments;

public sealed record Aid : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Aid; }
