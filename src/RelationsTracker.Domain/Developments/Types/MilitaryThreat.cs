namespace RelationsTracker.Developments;

public sealed record MilitaryThreat : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.MilitaryThreat; }
