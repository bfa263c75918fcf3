namespace RelationsTracker.Developments;

public sealed record OfficialVisit : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.OfficialVisit; }
