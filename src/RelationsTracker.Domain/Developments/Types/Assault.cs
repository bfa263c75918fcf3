namespace RelationsTracker.Developments;

public sealed record Assault : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Assault; }
