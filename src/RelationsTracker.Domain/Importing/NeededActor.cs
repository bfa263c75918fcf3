namespace RelationsTracker.Importing;

/// <summary>An actor an imported row needs.</summary>
/// <param name="CreateAs">The name to create it with if it does not exist (a mapped GDELT actor); null: it must exist.</param>
public sealed record NeededActor(string Id, string? CreateAs);
