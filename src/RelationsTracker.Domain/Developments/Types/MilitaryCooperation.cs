namespace RelationsTracker.Developments;

public sealed record MilitaryCooperation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.MilitaryCooperation; }
