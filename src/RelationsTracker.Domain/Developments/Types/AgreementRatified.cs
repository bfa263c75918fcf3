namespace RelationsTracker.Developments;

public sealed record AgreementRatified : AgreementDevelopment { public override DevelopmentType Type => DevelopmentType.AgreementRatified; }
