namespace RelationsTracker.Developments;

public sealed record AgreementRejected : AgreementDevelopment { public override DevelopmentType Type => DevelopmentType.AgreementRejected; }
