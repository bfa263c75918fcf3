namespace RelationsTracker.Developments;

public sealed record Criticism : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Criticism; }
