namespace RelationsTracker.Developments;

public sealed record MissionClosed : MissionDevelopment { public override DevelopmentType Type => DevelopmentType.MissionClosed; }
