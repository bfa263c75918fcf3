namespace RelationsTracker.Importing;

/// <summary>
/// One writer's share of one batch of an import, stored in the transaction that records it: an import resumed after a
/// crash between a batch's shares and its progress finds which shares are already recorded, and their counts.
/// </summary>
public sealed record ImportShare(string Id, Guid ImportId, int Recorded, int Already, int Repeats = 0)
{
    public static string IdOf(Guid import, long batch, int share) => $"{PrefixOf(import, batch)}{share}";

    /// <summary>What the ids of every share of one batch start with.</summary>
    public static string PrefixOf(Guid import, long batch) => $"{import:N}:{batch}:";
}
