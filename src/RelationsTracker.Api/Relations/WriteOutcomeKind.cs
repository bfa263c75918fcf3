namespace RelationsTracker.Api.Relations;

/// <summary>What became of one write (<see cref="WriteOutcome"/>).</summary>
public enum WriteOutcomeKind
{
    /// <summary>Its events were recorded now.</summary>
    Recorded,
    /// <summary>An earlier write with the same Idempotency-Key and the same request recorded them: its answer again.</summary>
    Replayed,
    /// <summary>If-Match named another version than the relation's current one.</summary>
    StaleVersion,
    /// <summary>A rule of the domain refused it.</summary>
    Refused,
    /// <summary>Its Idempotency-Key was used before with another request.</summary>
    KeyReused,
    /// <summary>Other writers kept changing the relation while it was being decided.</summary>
    Contention,
}
