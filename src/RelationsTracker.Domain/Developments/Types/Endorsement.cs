namespace RelationsTracker.Developments;

public sealed record Endorsement : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Endorsement; }
