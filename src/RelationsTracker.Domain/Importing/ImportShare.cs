namespace RelationsTracker.Importing;

/// <summary>
/// One writer's share of one batch of an import, stored in the transaction that records it: an import resumed after a
/// crash between a batch's shares and its progress finds which shares are already recorded, and their counts.
/// </summary>
public sealed record ImportShare(string Id, Guid ImportId, int Recorded, int Already, int Repeats = 0)
{
    public static string IdOf(Guid import, long batch, int share) => $"{import:N}:{batch}:{share}";
}
