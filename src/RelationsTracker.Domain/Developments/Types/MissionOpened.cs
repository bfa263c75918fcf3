namespace RelationsTracker.Developments;

public sealed record MissionOpened : MissionDevelopment { public override DevelopmentType Type => DevelopmentType.MissionOpened; }
