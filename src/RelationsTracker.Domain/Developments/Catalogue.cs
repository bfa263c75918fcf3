namespace RelationsTracker.Developments;

/// <summary>
/// The one table that maps each development type to its CAMEO code and Goldstein weight
/// (Goldstein 1992, as extended to CAMEO in "CAMEO SCALE: VERSION 0.5B1"). Everything else reads it.
/// </summary>
public static class Catalogue
{
    public static readonly IReadOnlyList<CatalogueEntry> Entries =
    [
        new(DevelopmentType.Statement, "010", 0.0, StateEffect.None),
        new(DevelopmentType.Appeal, "020", 3.0, StateEffect.None),
        new(DevelopmentType.IntentToCooperate, "030", 4.0, StateEffect.None),
        new(DevelopmentType.Consultation, "040", 1.0, StateEffect.Contact),
        new(DevelopmentType.OfficialVisit, "042", 1.9, StateEffect.Visit),
        new(DevelopmentType.Negotiation, "046", 7.0, StateEffect.Contact),
        new(DevelopmentType.DiplomaticCooperation, "050", 3.5, StateEffect.None),
        new(DevelopmentType.Endorsement, "051", 3.4, StateEffect.None),
        new(DevelopmentType.AgreementSigned, "057", 8.0, StateEffect.AgreementSigned),
        new(DevelopmentType.AgreementRatified, "057", 8.0, StateEffect.AgreementRatified),
        new(DevelopmentType.MissionOpened, "050", 3.5, StateEffect.MissionOpened),
        new(DevelopmentType.EconomicCooperation, "061", 6.4, StateEffect.None),
        new(DevelopmentType.MilitaryCooperation, "062", 7.4, StateEffect.Military),
        new(DevelopmentType.IntelligenceSharing, "064", 7.0, StateEffect.None),
        new(DevelopmentType.Aid, "070", 7.0, StateEffect.None),
        new(DevelopmentType.Demand, "100", -5.0, StateEffect.None),
        new(DevelopmentType.Criticism, "111", -2.0, StateEffect.None),
        new(DevelopmentType.Accusation, "112", -2.0, StateEffect.None),
        new(DevelopmentType.Rejection, "120", -4.0, StateEffect.None),
        new(DevelopmentType.AgreementRejected, "120", -4.0, StateEffect.AgreementRejected),
        new(DevelopmentType.Threat, "130", -4.4, StateEffect.None),
        new(DevelopmentType.MilitaryThreat, "138", -7.0, StateEffect.None),
        new(DevelopmentType.ForcePosture, "150", -7.2, StateEffect.None),
        new(DevelopmentType.RelationsReduced, "160", -4.0, StateEffect.None),
        new(DevelopmentType.AgreementSuspended, "160", -4.0, StateEffect.AgreementSuspended),
        new(DevelopmentType.MissionClosed, "161", -4.0, StateEffect.MissionClosed),
        new(DevelopmentType.Sanctions, "166", -8.0, StateEffect.None),
        new(DevelopmentType.Coercion, "170", -7.0, StateEffect.None),
        new(DevelopmentType.ArmedConflict, "190", -10.0, StateEffect.None),
        // Catalogue version 2: every CAMEO root 01 to 20 has a type, weighed by its root code's value.
        new(DevelopmentType.MaterialCooperation, "060", 6.0, StateEffect.None),
        new(DevelopmentType.Yield, "080", 5.0, StateEffect.None),
        new(DevelopmentType.Investigation, "090", -2.0, StateEffect.None),
        new(DevelopmentType.Disapproval, "110", -2.0, StateEffect.None),
        new(DevelopmentType.Protest, "140", -6.5, StateEffect.None),
        new(DevelopmentType.Assault, "180", -9.0, StateEffect.None),
        new(DevelopmentType.MassViolence, "200", -10.0, StateEffect.None),
    ];

    private static readonly CatalogueEntry[] ByType = Entries.OrderBy(e => (int)e.Type).ToArray();

    public static CatalogueEntry Of(DevelopmentType type) => ByType[(int)type];

    private static readonly Dictionary<string, DevelopmentType> ByName = Entries.ToDictionary(e => e.Type.ToString(), e => e.Type, StringComparer.Ordinal);

    /// <summary>Exact, case-sensitive type names, as the API takes them.</summary>
    public static bool TryParseType(string? name, out DevelopmentType type)
    {
        type = default;
        return name is not null && ByName.TryGetValue(name, out type);
    }
}
