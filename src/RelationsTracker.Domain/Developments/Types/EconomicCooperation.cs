namespace RelationsTracker.Developments;

public sealed record EconomicCooperation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.EconomicCooperation; }
