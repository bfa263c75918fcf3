namespace RelationsTracker.Developments;

/// <summary>
/// The 36 kinds of development the tracker records (scoring.md, "The catalogue" and "Catalogue version 2"). The seven
/// of version 2 come last: events store a type by name, but its number orders the catalogue.
/// </summary>
public enum DevelopmentType
{
    Statement,
    Appeal,
    IntentToCooperate,
    Consultation,
    OfficialVisit,
    Negotiation,
    DiplomaticCooperation,
    Endorsement,
    AgreementSigned,
    AgreementRatified,
    MissionOpened,
    EconomicCooperation,
    MilitaryCooperation,
    IntelligenceSharing,
    Aid,
    Demand,
    Criticism,
    Accusation,
    Rejection,
    AgreementRejected,
    Threat,
    MilitaryThreat,
    ForcePosture,
    RelationsReduced,
    AgreementSuspended,
    MissionClosed,
    Sanctions,
    Coercion,
    ArmedConflict,
    MaterialCooperation,
    Yield,
    Investigation,
    Disapproval,
    Protest,
    Assault,
    MassViolence,
}
