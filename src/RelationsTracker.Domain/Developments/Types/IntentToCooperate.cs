namespace RelationsTracker.Developments;

public sealed record IntentToCooperate : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.IntentToCooperate; }
