using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Notifications;

/// <summary>
/// One notification, stored as a Marten document so that any node can serve it, and read back for a client
/// that resumes. Its id grows with the event store's global sequence: the event at sequence s gives
/// notification 2s, and the phase change it causes, if any, 2s + 1.
/// </summary>
public sealed record Notification
{
    public const string DevelopmentRecorded = "development-recorded";
    public const string DevelopmentRetracted = "development-retracted";
    public const string DevelopmentCorrected = "development-corrected";
    public const string ReportAdded = "report-added";
    public const string PhaseChanged = "phase-changed";
    public static readonly IReadOnlyList<string> Kinds = [DevelopmentRecorded, DevelopmentRetracted, DevelopmentCorrected, ReportAdded, PhaseChanged];

    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string Relation { get; init; } = "";
    public Guid DevelopmentId { get; init; }
    public string Type { get; init; } = "";
    public string OccurredOn { get; init; } = "";
    /// <summary>The relation's score and phase as of the day it was recorded, counting it.</summary>
    public decimal Score { get; init; }
    public string Phase { get; init; } = "";
    /// <summary>For phase-changed: the phase before.</summary>
    public string? PreviousPhase { get; init; }
    public long Version { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// The notifications one event gives. "As of today" is the day the event was recorded, so that the
    /// answer is the same whenever it is computed: <paramref name="before"/> is the relation's phase that
    /// day knowing everything up to just before the event, <paramref name="score"/> its score counting it.
    /// </summary>
    public static IReadOnlyList<Notification> For(long sequence, string relation, long version, DateTimeOffset recordedAt,
        IDevelopmentEvent e, DevelopmentFacts? facts, Phase before, decimal score)
    {
        var after = WarmingScore.PhaseOf(score);
        var kind = e switch
        {
            RelationsTracker.Developments.DevelopmentRecorded => DevelopmentRecorded,
            RelationsTracker.Developments.DevelopmentRetracted => DevelopmentRetracted,
            RelationsTracker.Developments.ReportAdded => ReportAdded,
            _ => DevelopmentCorrected,
        };
        var notification = new Notification
        {
            Id = sequence * 2,
            Kind = kind,
            Relation = relation,
            DevelopmentId = e.DevelopmentId,
            Type = facts?.Type.ToString() ?? "",
            OccurredOn = facts?.OccurredOn.ToString() ?? "",
            Score = score,
            Phase = after.Name(),
            Version = version,
            RecordedAt = recordedAt,
        };
        return before == after
            ? [notification]
            : [notification, notification with { Id = sequence * 2 + 1, Kind = PhaseChanged, PreviousPhase = before.Name() }];
    }
}
