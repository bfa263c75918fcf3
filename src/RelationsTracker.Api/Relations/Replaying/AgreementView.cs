namespace RelationsTracker.Api.Relations.Replaying;

public sealed record AgreementView(string Id, string? Title, string Status, string Since);
