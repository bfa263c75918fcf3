namespace RelationsTracker.Developments;

public sealed record Protest : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Protest; }
