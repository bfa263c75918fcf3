namespace RelationsTracker.Developments;

public sealed record AgreementSuspended : AgreementDevelopment { public override DevelopmentType Type => DevelopmentType.AgreementSuspended; }
