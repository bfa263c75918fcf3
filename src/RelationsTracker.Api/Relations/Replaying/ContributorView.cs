namespace RelationsTracker.Api.Relations.Replaying;

public sealed record ContributorView(Guid Id, string Type, string OccurredOn, decimal Contribution);
