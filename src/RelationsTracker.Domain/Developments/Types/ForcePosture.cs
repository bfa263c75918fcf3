namespace RelationsTracker.Developments;

public sealed record ForcePosture : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.ForcePosture; }
