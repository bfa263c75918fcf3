using RelationsTracker.Developments;
using RelationsTracker.Notifying;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests.Notifying;

/// <summary>The notifications an event gives, decided from the relation's ledger alone (api.md, "Notifications").</summary>
public class NotificationTests
{
    private const string Relation = "LBY-EAST~TUR";
    private static readonly DateTimeOffset January10 = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static DevelopmentRecorded Signed(string occurredOn) => (DevelopmentRecorded.Blank(DevelopmentType.AgreementSigned) with
    {
        DevelopmentId = Guid.NewGuid(),
        OccurredOn = OccurrenceDate.Parse(occurredOn),
        Significance = Significance.Normal,
    }) is AgreementDevelopment a ? a with { Agreement = "maritime" } : throw new InvalidOperationException();

    [Fact]
    public void A_signing_on_the_day_it_is_recorded_lifts_a_neutral_relation_to_cordial_and_says_so()
    {
        var ledger = ScoreLedger.Of([], 0);
        var signed = Signed("2026-01-10");

        var made = Notification.For(ledger, 7, Relation, signed, January10, 1);

        // 8.0 that day: 100·tanh(8/25) = 30.97…, cordial.
        Assert.Equal([Notification.DevelopmentRecorded, Notification.PhaseChanged], made.Select(n => n.Kind));
        Assert.Equal([28L, 29L], made.Select(n => n.Id));
        Assert.All(made, n => Assert.Equal((31.0m, "cordial", Relation, signed.DevelopmentId, 1L), (n.Score, n.Phase, n.Relation, n.DevelopmentId, n.Version)));
        Assert.Equal("AgreementSigned", made[0].Type);
        Assert.Equal("2026-01-10", made[0].OccurredOn);
        Assert.Null(made[0].PreviousPhase);
        Assert.Equal("neutral", made[1].PreviousPhase);
        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    public void A_development_that_leaves_the_phase_as_it_was_gives_only_its_own_notification()
    {
        var ledger = ScoreLedger.Of([], 0);
        var visit = DevelopmentRecorded.Blank(DevelopmentType.OfficialVisit) with { DevelopmentId = Guid.NewGuid(), OccurredOn = OccurrenceDate.Parse("2026-01-10") };

        var made = Notification.For(ledger, 3, Relation, visit, January10, 1);

        var only = Assert.Single(made);
        Assert.Equal((Notification.DevelopmentRecorded, 12L, 7.6m, "neutral"), (only.Kind, only.Id, only.Score, only.Phase));
    }

    [Fact]
    public void A_correction_that_moves_a_past_signing_revises_the_phase_of_the_day_it_left()
    {
        var signed = Signed("2020-03-01");
        var ledger = ScoreLedger.Of([], 0);
        Notification.For(ledger, 1, Relation, signed, January10, 1);
        var moved = new DevelopmentCorrected { DevelopmentId = signed.DevelopmentId, Reason = "misdated", OccurredOn = OccurrenceDate.Parse("2020-06-01") };

        var made = Notification.For(ledger, 2, Relation, moved, January10.AddHours(1), 2);

        // 2020-03-01 loses its signing (cordial → neutral); 2020-06-01 was cordial from the decayed signing and stays so.
        Assert.Equal([Notification.DevelopmentCorrected, Notification.PhaseRevised], made.Select(n => n.Kind));
        var revised = made[1];
        Assert.Equal((10L, "2020-03-01", "cordial", "neutral", 0m), (revised.Id, revised.AsOf, revised.PreviousPhase, revised.Phase, revised.Score));
        Assert.Equal("2020-06-01", made[0].OccurredOn);
    }

    [Fact]
    public void A_report_changes_no_phase_and_revises_no_day()
    {
        var signed = Signed("2026-01-10");
        var ledger = ScoreLedger.Of([], 0);
        Notification.For(ledger, 1, Relation, signed, January10, 1);
        var report = new ReportAdded(signed.DevelopmentId, Guid.NewGuid(), ReportStance.Confirms, new Source { Citation = "Anadolu" }, null, null);

        var made = Notification.For(ledger, 2, Relation, report, January10.AddHours(1), 2);

        var only = Assert.Single(made);
        Assert.Equal((Notification.ReportAdded, 8L, 31.0m, "cordial", "AgreementSigned"), (only.Kind, only.Id, only.Score, only.Phase, only.Type));
    }

    [Fact]
    public void A_retraction_takes_the_development_out_of_the_score_and_says_the_phase_fell()
    {
        var signed = Signed("2026-01-10");
        var ledger = ScoreLedger.Of([], 0);
        Notification.For(ledger, 1, Relation, signed, January10, 1);

        var made = Notification.For(ledger, 2, Relation, new DevelopmentRetracted(signed.DevelopmentId, "never signed", []), January10.AddHours(1), 2);

        Assert.Equal([Notification.DevelopmentRetracted, Notification.PhaseChanged], made.Select(n => n.Kind));
        Assert.All(made, n => Assert.Equal((0m, "neutral"), (n.Score, n.Phase)));
        Assert.Equal("cordial", made[1].PreviousPhase);
        // The retracted development's fields as they were, so a subscriber sees what was withdrawn.
        Assert.Equal(("AgreementSigned", "2026-01-10"), (made[0].Type, made[0].OccurredOn));
        Assert.Equal(0, ledger.Count);
    }
}
