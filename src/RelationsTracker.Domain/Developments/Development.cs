using System.Text.Json.Serialization;
using RelationsTracker.Scoring;

namespace RelationsTracker.Developments;

/// <summary>
/// One development with its whole recorded history: the fields as first recorded, every correction and
/// the retraction, each stamped with the moment it was recorded. <see cref="AsKnownAt"/> answers what
/// the tracker said about it at any moment. Built from the relation's events by <see cref="Evolve"/>.
/// </summary>
public sealed record Development
{
    public Guid Id { get; init; }
    public string Relation { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
    /// <summary>The relation stream's version at which it was recorded. (Not "Version": Marten takes a
    /// document's Version as its own revision number.)</summary>
    public long RecordedVersion { get; init; }
    /// <summary>The relation stream's version of the last event about it.</summary>
    public long LastVersion { get; init; }

    public DevelopmentType Type { get; init; }
    public OccurrenceDate OccurredOn { get; init; }
    public string Actor { get; init; } = "";
    public string Summary { get; init; } = "";
    public Significance Significance { get; init; }
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public string? Agreement { get; init; }
    public string? Title { get; init; }
    public Mission? Mission { get; init; }
    public string? CameoCode { get; init; }
    public IReadOnlyList<GdeltEvidence>? Gdelt { get; init; }

    public IReadOnlyList<Correction> Corrections { get; init; } = [];
    /// <summary>Other sources' reports on it, confirming or disputing, in recorded order.</summary>
    public IReadOnlyList<Report> Reports { get; init; } = [];
    public Retraction? Retraction { get; init; }

    public static Development Recorded(string relation, DevelopmentRecorded e, DateTimeOffset recordedAt, long version) => new()
    {
        Id = e.DevelopmentId,
        Relation = relation,
        RecordedAt = recordedAt,
        RecordedVersion = version,
        LastVersion = version,
        Type = e.Type,
        OccurredOn = e.OccurredOn,
        Actor = e.Actor,
        Summary = e.Summary,
        Significance = e.Significance,
        Sources = e.Sources,
        Agreement = (e as AgreementDevelopment)?.Agreement,
        Title = (e as AgreementDevelopment)?.Title,
        Mission = (e as MissionDevelopment)?.Mission,
        CameoCode = e.CameoCode,
        Gdelt = e.Gdelt,
    };

    /// <summary>The one fold from the relation's events to this history (used by the projection and by replays).</summary>
    public static Development? Evolve(Development? current, string relation, object @event, DateTimeOffset recordedAt, long version) =>
        @event switch
        {
            DevelopmentRecorded recorded => Recorded(relation, recorded, recordedAt, version),
            DevelopmentCorrected corrected when current is not null => current with
            {
                Corrections = [.. current.Corrections, Correction.Of(recordedAt, version, corrected)],
                LastVersion = version,
            },
            DevelopmentRetracted retracted when current is not null => current with
            {
                Retraction = new Retraction(recordedAt, version, retracted.Reason, retracted.Sources),
                LastVersion = version,
            },
            ReportAdded report when current is not null => current with
            {
                Reports = [.. current.Reports, new Report(report.ReportId, recordedAt, version, report.Stance, report.Source, report.Quote, report.Translation)],
                LastVersion = version,
            },
            _ => current,
        };

    public bool IsRetractedAt(DateTimeOffset knownAt) => Retraction is { } r && r.RecordedAt <= knownAt;

    /// <summary>
    /// What the tracker said about this development at <paramref name="knownAt"/>: null when it was not yet
    /// recorded or already retracted; otherwise its fields with every correction recorded by then applied,
    /// the latest correction of each field winning.
    /// </summary>
    public DevelopmentFacts? AsKnownAt(DateTimeOffset knownAt) => IsRetractedAt(knownAt) ? null : FieldsKnownAt(knownAt);

    /// <summary>The developments known at <paramref name="knownAt"/>, as <see cref="DevelopmentHistory.KnownAt"/> gives them.</summary>
    public static IReadOnlyList<DevelopmentFacts> KnownAt(IEnumerable<Development> developments, DateTimeOffset knownAt, Weighting weighting = Weighting.Plain) =>
        DevelopmentHistory.KnownAt(developments.Select(DevelopmentHistory.Of), knownAt, weighting);

    /// <summary>Its fields as corrected by <paramref name="knownAt"/>, retracted or not; null when not yet recorded.</summary>
    public DevelopmentFacts? FieldsKnownAt(DateTimeOffset knownAt) => RecordedAt > knownAt ? null : AsRecorded.CorrectedBy(Corrections, knownAt);

    /// <summary>Its fields as first recorded, before any correction. Not stored: the document holds them once, above.</summary>
    [JsonIgnore]
    public DevelopmentFacts AsRecorded =>
        new(Id, Type, OccurredOn, Actor, Significance, Summary, Agreement, Title, Mission, RecordedAt, RecordedVersion, CameoCode);

    /// <summary>The last moment of recorded time at which anything about it changed.</summary>
    [JsonIgnore]
    public DateTimeOffset LastChangedAt =>
        new[] { RecordedAt, Retraction?.RecordedAt ?? default }.Concat(Corrections.Select(c => c.RecordedAt)).Concat(Reports.Select(r => r.RecordedAt)).Max();

    public DevelopmentStatus StatusAt(DateTimeOffset knownAt) =>
        RecordedAt > knownAt ? DevelopmentStatus.NotYetRecorded
        : IsRetractedAt(knownAt) ? DevelopmentStatus.Retracted
        : Corrections.Any(c => c.RecordedAt <= knownAt) ? DevelopmentStatus.Corrected
        : DevelopmentStatus.Recorded;
}
