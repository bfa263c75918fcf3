using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Notifications;

/// <summary>
/// One notification, stored as a Marten document so that any node can serve it, and read back for a client
/// that resumes. Its id grows with the event store's global sequence: the event at sequence s gives
/// notification 4s, the phase change it causes, if any, 4s + 1, and the past phases it revises, if any, 4s + 2 and
/// 4s + 3 (scoring.md, "Revised phases": the effective date, and a correction's former one).
/// </summary>
public sealed record Notification
{
    public const string DevelopmentRecorded = "development-recorded";
    public const string DevelopmentRetracted = "development-retracted";
    public const string DevelopmentCorrected = "development-corrected";
    public const string ReportAdded = "report-added";
    public const string PhaseChanged = "phase-changed";
    public const string PhaseRevised = "phase-revised";
    public static readonly IReadOnlyList<string> Kinds = [DevelopmentRecorded, DevelopmentRetracted, DevelopmentCorrected, ReportAdded, PhaseChanged, PhaseRevised];

    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string Relation { get; init; } = "";
    public Guid DevelopmentId { get; init; }
    public string Type { get; init; } = "";
    public string OccurredOn { get; init; } = "";
    /// <summary>The relation's score and phase as of the day it was recorded, counting it.</summary>
    public decimal Score { get; init; }
    public string Phase { get; init; } = "";
    /// <summary>For phase-changed and phase-revised: the phase before.</summary>
    public string? PreviousPhase { get; init; }
    /// <summary>For phase-revised: the past day whose phase the change revised (its score and phase are that day's).</summary>
    public string? AsOf { get; init; }
    public long Version { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// The notifications one event gives. "As of today" is the day the event was recorded, so that the
    /// answer is the same whenever it is computed: <paramref name="before"/> is the relation's phase that
    /// day knowing everything up to just before the event, <paramref name="score"/> its score counting it.
    /// </summary>
    /// <param name="revised">The past days (before the recorded day) whose phase the event changed, with the phase before and the score after.</param>
    public static IReadOnlyList<Notification> For(long sequence, string relation, long version, DateTimeOffset recordedAt,
        IDevelopmentEvent e, DevelopmentFacts? facts, Phase before, decimal score, IReadOnlyList<(DateOnly AsOf, Phase Before, decimal Score)> revised)
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
            Id = sequence * 4,
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
        var made = new List<Notification> { notification };
        if (before != after) made.Add(notification with { Id = sequence * 4 + 1, Kind = PhaseChanged, PreviousPhase = before.Name() });
        foreach (var (day, i) in revised.Take(2).Select((r, i) => (r, i)))
            made.Add(notification with
            {
                Id = sequence * 4 + 2 + i, Kind = PhaseRevised, AsOf = day.AsOf.ToString("yyyy-MM-dd"),
                PreviousPhase = day.Before.Name(), Phase = WarmingScore.PhaseOf(day.Score).Name(), Score = day.Score,
            });
        return made;
    }
}
