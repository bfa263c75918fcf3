using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Notifying;

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
    /// The notifications one event gives, folding it into <paramref name="ledger"/> (the relation as the events before
    /// it left it). "As of today" is the day the event was recorded, so that the answer is the same whenever it is
    /// computed; the phase change compares that day's phase knowing everything up to just before the event with its
    /// phase counting it, under the default half-life.
    /// </summary>
    public static IReadOnlyList<Notification> For(ScoreLedger ledger, long sequence, string relation, IDevelopmentEvent change,
        DateTimeOffset recordedAt, long version)
    {
        var today = DateOnly.FromDateTime(recordedAt.UtcDateTime);
        const int halfLife = WarmingScore.DefaultHalfLifeDays;
        var before = ledger.Phase(today, halfLife);
        // The past days it may revise (scoring.md, "Revised phases"): its effective date, and the one a correction
        // moves it from; their phases as known just before it, read before it is folded in.
        var former = ledger.Find(change.DevelopmentId)?.EffectiveDate;
        DateOnly? latter = change switch
        {
            Developments.DevelopmentRecorded recorded => recorded.OccurredOn.EffectiveDate,
            Developments.DevelopmentCorrected corrected => corrected.OccurredOn?.EffectiveDate ?? former,
            _ => null,
        };
        var pastPhases = change is Developments.ReportAdded ? []
            : new[] { former, latter }.OfType<DateOnly>().Where(d => d < today).Distinct().Select(d => (Day: d, Phase: ledger.Phase(d, halfLife))).ToList();
        var facts = ledger.Apply(change, recordedAt, version);
        var score = ledger.Score(today, halfLife);
        var after = WarmingScore.PhaseOf(score);
        var kind = change switch
        {
            Developments.DevelopmentRecorded => DevelopmentRecorded,
            Developments.DevelopmentRetracted => DevelopmentRetracted,
            Developments.ReportAdded => ReportAdded,
            _ => DevelopmentCorrected,
        };
        var notification = new Notification
        {
            Id = sequence * 4,
            Kind = kind,
            Relation = relation,
            DevelopmentId = change.DevelopmentId,
            Type = facts?.Type.ToString() ?? "",
            OccurredOn = facts?.OccurredOn.ToString() ?? "",
            Score = score,
            Phase = after.Name(),
            Version = version,
            RecordedAt = recordedAt,
        };
        var made = new List<Notification> { notification };
        if (before != after) made.Add(notification with { Id = sequence * 4 + 1, Kind = PhaseChanged, PreviousPhase = before.Name() });
        var slot = 2;
        foreach (var (day, phaseBefore) in pastPhases)
        {
            var dayScore = ledger.Score(day, halfLife);
            var dayPhase = WarmingScore.PhaseOf(dayScore);
            if (dayPhase == phaseBefore) continue;
            made.Add(notification with
            {
                Id = sequence * 4 + slot++, Kind = PhaseRevised, AsOf = day.ToString("yyyy-MM-dd"),
                PreviousPhase = phaseBefore.Name(), Phase = dayPhase.Name(), Score = dayScore,
            });
        }
        return made;
    }
}
