namespace RelationsTracker.Developments;

public sealed record Accusation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Accusation; }
