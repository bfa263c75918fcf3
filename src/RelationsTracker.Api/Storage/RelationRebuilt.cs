namespace RelationsTracker.Api.Storage;

/// <summary>What <see cref="RelationRebuild"/> did: the events it read, the development documents it made and wrote (those
/// not stored as made), and how long each step took (reading, folding, comparing and writing, committing).</summary>
public sealed record RelationRebuilt(int Events, int Developments, int Written, TimeSpan Reading, TimeSpan Folding, TimeSpan Writing)
{
    public override string ToString() =>
        $"{Events:N0} events, {Developments:N0} developments ({Written:N0} written): read in {Reading.TotalSeconds:N2} s, folded in {Folding.TotalSeconds:N2} s, written in {Writing.TotalSeconds:N2} s";
}
