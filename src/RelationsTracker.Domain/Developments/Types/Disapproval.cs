namespace RelationsTracker.Developments;

public sealed record Disapproval : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Disapproval; }
