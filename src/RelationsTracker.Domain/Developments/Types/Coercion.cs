namespace RelationsTracker.Developments;

public sealed record Coercion : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Coercion; }
