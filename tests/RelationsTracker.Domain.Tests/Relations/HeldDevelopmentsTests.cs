using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class HeldDevelopmentsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DevelopmentHistory History(Guid id, string summary, long version) => DevelopmentHistory.Of(new Development
    {
        Id = id, Relation = "A~B", RecordedAt = T0.AddSeconds(version), RecordedVersion = version, LastVersion = version,
        Type = DevelopmentType.Aid, OccurredOn = OccurrenceDate.Year(2025), Actor = "A", Summary = summary,
    });

    [Theory]
    [InlineData(10, 3)]       // changes kept on top of the array
    [InlineData(10, 2_000)]   // past an eighth (at least 1,024): folded into a new array
    [InlineData(5_000, 700)]
    public void Each_development_is_held_once_in_its_latest_history(int first, int changes)
    {
        var ids = Enumerable.Range(0, first + changes).Select(_ => Guid.NewGuid()).ToArray();
        var held = HeldDevelopments.Of([.. ids.Take(first).Select((id, i) => History(id, "first", i + 1))]);

        // Half the changes replace histories already held, half add new developments.
        var changed = ids.Take(Math.Min(changes / 2, first)).Select(id => History(id, "changed", 0))
            .Concat(ids.Skip(first).Take(changes - changes / 2).Select(id => History(id, "added", 0))).ToList();
        var after = held.With(changed);

        var expected = ids.Take(first).Select(id => (id, "first")).ToDictionary(x => x.id, x => x.Item2);
        foreach (var d in changed) expected[d.Id] = d.Recorded.Summary;
        Assert.Equal(expected.Count, after.Count);
        Assert.Equal(expected.OrderBy(x => x.Key), after.All.Select(d => KeyValuePair.Create(d.Id, d.Recorded.Summary)).OrderBy(x => x.Key));
        // The set it was made from is unchanged.
        Assert.Equal(first, held.Count);
        Assert.All(held.All, d => Assert.Equal("first", d.Recorded.Summary));
    }
}
