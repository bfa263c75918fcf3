namespace RelationsTracker.Developments;

public sealed record Negotiation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Negotiation; }
