namespace RelationsTracker.Developments;

public sealed record DiplomaticCooperation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.DiplomaticCooperation; }
