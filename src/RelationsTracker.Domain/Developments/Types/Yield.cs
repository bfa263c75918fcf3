namespace RelationsTracker.Developments;

public sealed record Yield : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Yield; }
