namespace RelationsTracker.Developments;

public sealed record Investigation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Investigation; }
