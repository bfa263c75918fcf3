using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

/// <summary>The write model's fold and the recorded time of a relation's next event.</summary>
public class RelationTests
{
    private static readonly DateTimeOffset At = new(2025, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Recorded_time_is_cut_to_the_microsecond_and_never_goes_back()
    {
        var now = At.AddTicks(17);

        Assert.Equal(At.AddTicks(10), Relation.NextRecordedAt(DateTimeOffset.MinValue, now));
        Assert.Equal(At.AddTicks(20), Relation.NextRecordedAt(At.AddTicks(10), At.AddTicks(10)));
        Assert.Equal(At.AddTicks(20), Relation.NextRecordedAt(At.AddTicks(10), At.AddSeconds(-5)));
    }

    [Fact]
    public void The_fold_keeps_the_version_the_last_recorded_time_and_each_agreements_first_title()
    {
        var signed = new AgreementSigned { DevelopmentId = Guid.NewGuid(), Agreement = "maritime-2019", Title = "First title" };
        var rejected = new AgreementRejected { DevelopmentId = Guid.NewGuid(), Agreement = "maritime-2019", Title = "Another title" };

        var relation = Relation.Fold(null, "LBY-EAST~TUR", signed, At, 1);
        relation = Relation.Fold(relation, "LBY-EAST~TUR", rejected, At.AddSeconds(1), 2);
        relation = Relation.Fold(relation, "LBY-EAST~TUR", new DevelopmentRetracted(signed.DevelopmentId, "r", []), At.AddSeconds(2), 3);

        Assert.Equal(("LBY-EAST~TUR", 3L, At.AddSeconds(2)), (relation.Id, relation.StreamVersion, relation.LastRecordedAt));
        Assert.True(relation.KnowsAgreement("maritime-2019"));
        Assert.Equal("First title", relation.Agreements["maritime-2019"]);
        Assert.False(relation.KnowsAgreement("another"));
    }
}
