namespace RelationsTracker.Developments;

public sealed record MassViolence : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.MassViolence; }
