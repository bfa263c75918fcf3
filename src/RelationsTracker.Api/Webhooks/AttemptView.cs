namespace RelationsTracker.Api.Webhooks;

public sealed record AttemptView(DateTime At, int? StatusCode, string? Error, double Milliseconds);
