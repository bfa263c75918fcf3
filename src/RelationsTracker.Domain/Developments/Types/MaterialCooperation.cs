namespace RelationsTracker.Developments;

public sealed record MaterialCooperation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.MaterialCooperation; }
