namespace RelationsTracker.Api.Notifications;

/// <summary>What a notification says, as SSE data and webhook bodies carry it.</summary>
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
    DateTime RecordedAt)
{
    public static NotificationMessage Of(Notification n) =>
        new(n.Id, n.Kind, n.Relation, n.DevelopmentId, n.Type, n.OccurredOn, n.Score, n.Phase, n.PreviousPhase, n.AsOf, n.Version, n.RecordedAt.UtcDateTime);
}
