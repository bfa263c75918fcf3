using RelationsTracker.Api.Relations;

namespace RelationsTracker.Api.Http;

/// <summary>A write's outcome as the API answers it: 201 with the body recorded (replayed: marked so), or the problem.</summary>
public static class WriteAnswers
{
    public static IResult ToResult(this WriteOutcome outcome) => outcome.Kind switch
    {
        WriteOutcomeKind.Recorded => new SerializedJsonResult(StatusCodes.Status201Created, outcome.Body!, outcome.Location),
        WriteOutcomeKind.Replayed => new SerializedJsonResult(StatusCodes.Status201Created, outcome.Body!, outcome.Location, replayed: true),
        WriteOutcomeKind.StaleVersion => Problems.PreconditionFailed(outcome.CurrentVersion),
        WriteOutcomeKind.Refused => Problems.For(outcome.Refusal!),
        WriteOutcomeKind.KeyReused => Problems.IdempotencyKeyReused(),
        _ => Problems.Contention(),
    };
}
