using System.Text.Json.Serialization;

namespace RelationsTracker.Developments;

/// <summary>
/// A development recorded in a relation's stream. There is one event record per catalogue type
/// (<see cref="OfficialVisit"/>, <see cref="AgreementRejected"/>, ...); each knows its CAMEO code and
/// weight through <see cref="Catalogue"/>.
/// </summary>
public abstract record DevelopmentRecorded : IDevelopmentEvent
{
    public Guid DevelopmentId { get; init; }
    public OccurrenceDate OccurredOn { get; init; }
    /// <summary>The actor who acted (for an official visit, the visitor).</summary>
    public string Actor { get; init; } = "";
    public string Summary { get; init; } = "";
    public Significance Significance { get; init; } = Significance.Normal;
    public IReadOnlyList<Source> Sources { get; init; } = [];
    /// <summary>Its exact CAMEO event code (<see cref="CameoScale"/>), when given: it then weighs that code's value.</summary>
    public string? CameoCode { get; init; }
    /// <summary>What GDELT reported beside the codes, for a development imported from GDELT: one per GDELT event it was made from.</summary>
    public IReadOnlyList<GdeltEvidence>? Gdelt { get; init; }

    [JsonIgnore] public abstract DevelopmentType Type { get; }
    [JsonIgnore] public CatalogueEntry Entry => Catalogue.Of(Type);
    [JsonIgnore] public string Cameo => Entry.Cameo;
    [JsonIgnore] public double Weight => Entry.Weight;

    /// <summary>An empty event of the given type, to be filled with <c>with { ... }</c>.</summary>
    public static DevelopmentRecorded Blank(DevelopmentType type) => type switch
    {
        DevelopmentType.Statement => new Statement(),
        DevelopmentType.Appeal => new Appeal(),
        DevelopmentType.IntentToCooperate => new IntentToCooperate(),
        DevelopmentType.Consultation => new Consultation(),
        DevelopmentType.OfficialVisit => new OfficialVisit(),
        DevelopmentType.Negotiation => new Negotiation(),
        DevelopmentType.DiplomaticCooperation => new DiplomaticCooperation(),
        DevelopmentType.Endorsement => new Endorsement(),
        DevelopmentType.AgreementSigned => new AgreementSigned(),
        DevelopmentType.AgreementRatified => new AgreementRatified(),
        DevelopmentType.MissionOpened => new MissionOpened(),
        DevelopmentType.EconomicCooperation => new EconomicCooperation(),
        DevelopmentType.MilitaryCooperation => new MilitaryCooperation(),
        DevelopmentType.IntelligenceSharing => new IntelligenceSharing(),
        DevelopmentType.Aid => new Aid(),
        DevelopmentType.Demand => new Demand(),
        DevelopmentType.Criticism => new Criticism(),
        DevelopmentType.Accusation => new Accusation(),
        DevelopmentType.Rejection => new Rejection(),
        DevelopmentType.AgreementRejected => new AgreementRejected(),
        DevelopmentType.Threat => new Threat(),
        DevelopmentType.MilitaryThreat => new MilitaryThreat(),
        DevelopmentType.ForcePosture => new ForcePosture(),
        DevelopmentType.RelationsReduced => new RelationsReduced(),
        DevelopmentType.AgreementSuspended => new AgreementSuspended(),
        DevelopmentType.MissionClosed => new MissionClosed(),
        DevelopmentType.Sanctions => new Sanctions(),
        DevelopmentType.Coercion => new Coercion(),
        DevelopmentType.ArmedConflict => new ArmedConflict(),
        DevelopmentType.MaterialCooperation => new MaterialCooperation(),
        DevelopmentType.Yield => new Yield(),
        DevelopmentType.Investigation => new Investigation(),
        DevelopmentType.Disapproval => new Disapproval(),
        DevelopmentType.Protest => new Protest(),
        DevelopmentType.Assault => new Assault(),
        DevelopmentType.MassViolence => new MassViolence(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
