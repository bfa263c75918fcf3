using System.Text.Json.Serialization;

namespace RelationsTracker.Developments;

/// <summary>Every event about one development carries its id.</summary>
public interface IDevelopmentEvent
{
    Guid DevelopmentId { get; }
}

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
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

/// <summary>A development about an agreement, named by its slug (<c>maritime-mou-2019</c>).</summary>
public abstract record AgreementDevelopment : DevelopmentRecorded
{
    public string Agreement { get; init; } = "";
    /// <summary>Required the first time the relation sees the slug; optional after.</summary>
    public string? Title { get; init; }
}

/// <summary>A development that opens or closes a diplomatic mission.</summary>
public abstract record MissionDevelopment : DevelopmentRecorded
{
    public Mission Mission { get; init; } = new("", "", "");
}

public sealed record Statement : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Statement; }
public sealed record Appeal : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Appeal; }
public sealed record IntentToCooperate : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.IntentToCooperate; }
public sealed record Consultation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Consultation; }
public sealed record OfficialVisit : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.OfficialVisit; }
public sealed record Negotiation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Negotiation; }
public sealed record DiplomaticCooperation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.DiplomaticCooperation; }
public sealed record Endorsement : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Endorsement; }
public sealed record AgreementSigned : AgreementDevelopment { public override DevelopmentType Type => DevelopmentType.AgreementSigned; }
public sealed record AgreementRatified : AgreementDevelopment { public override DevelopmentType Type => DevelopmentType.AgreementRatified; }
public sealed record MissionOpened : MissionDevelopment { public override DevelopmentType Type => DevelopmentType.MissionOpened; }
public sealed record EconomicCooperation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.EconomicCooperation; }
public sealed record MilitaryCooperation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.MilitaryCooperation; }
public sealed record IntelligenceSharing : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.IntelligenceSharing; }
public sealed record Aid : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Aid; }
public sealed record Demand : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Demand; }
public sealed record Criticism : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Criticism; }
public sealed record Accusation : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Accusation; }
public sealed record Rejection : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Rejection; }
public sealed record AgreementRejected : AgreementDevelopment { public override DevelopmentType Type => DevelopmentType.AgreementRejected; }
public sealed record Threat : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Threat; }
public sealed record MilitaryThreat : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.MilitaryThreat; }
public sealed record ForcePosture : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.ForcePosture; }
public sealed record RelationsReduced : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.RelationsReduced; }
public sealed record AgreementSuspended : AgreementDevelopment { public override DevelopmentType Type => DevelopmentType.AgreementSuspended; }
public sealed record MissionClosed : MissionDevelopment { public override DevelopmentType Type => DevelopmentType.MissionClosed; }
public sealed record Sanctions : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Sanctions; }
public sealed record Coercion : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.Coercion; }
public sealed record ArmedConflict : DevelopmentRecorded { public override DevelopmentType Type => DevelopmentType.ArmedConflict; }

/// <summary>The development is withdrawn: from this moment of recorded time it no longer counts.</summary>
public sealed record DevelopmentRetracted(Guid DevelopmentId, string Reason, IReadOnlyList<Source> Sources) : IDevelopmentEvent;

/// <summary>
/// Fields of a development are corrected from this moment of recorded time. Absent fields stay as they were;
/// when several corrections are known, the latest of each field wins.
/// </summary>
public sealed record DevelopmentCorrected : IDevelopmentEvent
{
    public Guid DevelopmentId { get; init; }
    public string Reason { get; init; } = "";
    public OccurrenceDate? OccurredOn { get; init; }
    public DevelopmentType? Type { get; init; }
    public Significance? Significance { get; init; }
    public string? Summary { get; init; }
}
