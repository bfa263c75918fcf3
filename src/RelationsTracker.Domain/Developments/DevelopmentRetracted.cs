namespace RelationsTracker.Developments;

/// <summary>The development is withdrawn: from this moment of recorded time it no longer counts.</summary>
public sealed record DevelopmentRetracted(Guid DevelopmentId, string Reason, IReadOnlyList<Source> Sources) : IDevelopmentEvent;
