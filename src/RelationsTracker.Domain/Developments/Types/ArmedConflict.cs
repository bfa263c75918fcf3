namespace RelationsTracker.Developments;

public sealed record ArmedConflict : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.ArmedConflict; }
