namespace RelationsTracker.Developments;

public sealed record Sanctions : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Sanctions; }
