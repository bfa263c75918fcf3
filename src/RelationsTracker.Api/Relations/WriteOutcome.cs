using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// What became of one write through <see cref="RelationWriter"/>: recorded (now or, under the same Idempotency-Key,
/// before) with its answer's body as serialized once and its Location, or why nothing was recorded. The edge turns it
/// into the HTTP answer (Http/WriteAnswers).
/// </summary>
public sealed record WriteOutcome(WriteOutcomeKind Kind, string? Body = null, string? Location = null, long CurrentVersion = 0, Refusal? Refusal = null)
{
    public bool IsRecorded => Kind is WriteOutcomeKind.Recorded or WriteOutcomeKind.Replayed;

    public static WriteOutcome Recorded(string body, string location) => new(WriteOutcomeKind.Recorded, body, location);
    public static WriteOutcome Replayed(string body, string? location) => new(WriteOutcomeKind.Replayed, body, location);
    public static WriteOutcome StaleVersion(long currentVersion) => new(WriteOutcomeKind.StaleVersion, CurrentVersion: currentVersion);
    public static WriteOutcome Refused(Refusal refusal) => new(WriteOutcomeKind.Refused, Refusal: refusal);
    public static readonly WriteOutcome KeyReused = new(WriteOutcomeKind.KeyReused);
    public static readonly WriteOutcome Contention = new(WriteOutcomeKind.Contention);
}
