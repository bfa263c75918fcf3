namespace RelationsTracker.Developments;

/// <param name="Cameo">The CAMEO event code, kept as a string: codes have leading zeros.</param>
/// <param name="Weight">The Goldstein conflict–cooperation value of that code.</param>
public sealed record CatalogueEntry(DevelopmentType Type, string Cameo, double Weight, StateEffect Effect)
{
    public DevelopmentShape Shape => Effect switch
    {
        StateEffect.AgreementSigned or StateEffect.AgreementRatified or StateEffect.AgreementRejected
            or StateEffect.AgreementSuspended => DevelopmentShape.Agreement,
        StateEffect.MissionOpened or StateEffect.MissionClosed => DevelopmentShape.Mission,
        _ => DevelopmentShape.Plain,
    };

    /// <summary>The lower-case status an agreement or mission takes after this development, if any.</summary>
    public string? ResultingStatus => Effect switch
    {
        StateEffect.AgreementSigned => "signed",
        StateEffect.AgreementRatified => "ratified",
        StateEffect.AgreementRejected => "rejected",
        StateEffect.AgreementSuspended => "suspended",
        StateEffect.MissionOpened => "open",
        StateEffect.MissionClosed => "closed",
        _ => null,
    };
}
