namespace RelationsTracker.Notifying;

public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error, double Milliseconds);
