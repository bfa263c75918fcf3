using RelationsTracker.Notifying;

namespace RelationsTracker.Api.Notifications;

/// <summary>
/// What a notification says, as SSE data and webhook bodies carry it. A phase-revised one also says its two phases
/// as scoring.md names them, <c>before</c> and <c>after</c> (the same as <c>previousPhase</c> and <c>phase</c>).
/// </summary>
public sealed record NotificationMessage(
    long Id,
    string Kind,
    string Relation,
    Guid DevelopmentId,
    string Type,
    string OccurredOn,
    decimal Score,
    string Phase,
    string? PreviousPhase,
    string? AsOf,
    long Version,
    DateTime RecordedAt,
    string? Before = null,
    string? After = null)
{
    public static NotificationMessage Of(Notification n)
    {
        var revised = n.Kind == Notification.PhaseRevised;
        return new(n.Id, n.Kind, n.Relation, n.DevelopmentId, n.Type, n.OccurredOn, n.Score, n.Phase, n.PreviousPhase, n.AsOf, n.Version,
            n.RecordedAt.UtcDateTime, revised ? n.PreviousPhase : null, revised ? n.Phase : null);
    }
}
