namespace RelationsTracker.Api.Developments;

/// <summary>The development a correction or retraction names, and the checked command for it.</summary>
public sealed record DevelopmentTarget<TCommand>(Guid DevelopmentId, TCommand Command);
