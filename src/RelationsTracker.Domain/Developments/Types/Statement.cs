namespace RelationsTracker.Developments;

public sealed record Statement : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Statement; }
