namespace RelationsTracker.Api.Storage;

/// <summary>What <see cref="RelationRebuild"/> did: the events it read, the development documents it made, and how long
/// each step took (reading the stream, folding it, writing the documents and committing).</summary>
public sealed record RelationRebuilt(int Events, int Developments, TimeSpan Reading, TimeSpan Folding, TimeSpan Writing)
{
    public override string ToString() =>
        $"{Events:N0} events, {Developments:N0} developments: read in {Reading.TotalSeconds:N2} s, folded in {Folding.TotalSeconds:N2} s, written in {Writing.TotalSeconds:N2} s";
}
