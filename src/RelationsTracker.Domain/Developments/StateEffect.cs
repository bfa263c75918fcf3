namespace RelationsTracker.Developments;

/// <summary>What else a development changes in the relation's state, besides the score.</summary>
public enum StateEffect
{
    None,
    Contact,
    Visit,
    Military,
    AgreementSigned,
    AgreementRatified,
    AgreementRejected,
    AgreementSuspended,
    MissionOpened,
    MissionClosed,
}
