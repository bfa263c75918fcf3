namespace RelationsTracker.Developments;

public sealed record AgreementSigned : AgreementDevelopment { public override DevelopmentType Type => DevelopmentType.AgreementSigned; }
