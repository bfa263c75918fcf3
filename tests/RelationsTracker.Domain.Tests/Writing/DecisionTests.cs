using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Domain.Tests;

/// <summary>Record, correct and retract as pure decisions: a command and the relation's state in, events or a refusal out.</summary>
public class DecisionTests
{
    private static readonly RelationId LibyaTurkey = RelationId.Of("LBY-EAST", "TUR");
    private static readonly DateTimeOffset At = new(2025, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("01930000-0000-7000-8000-000000000001");

    private static RecordDevelopment Record(DevelopmentType type = DevelopmentType.OfficialVisit, string? agreement = null, string? title = null, Mission? mission = null) =>
        new(type, OccurrenceDate.Parse("2025-04-04"), "TUR", "A visit", Significance.High, [new Source { Url = "https://example.org/x" }], agreement, title, mission);

    [Fact]
    public void Recording_makes_one_event_of_the_commands_type_with_its_fields()
    {
        var decision = RecordDevelopment.Decide(Record(), null, Id);

        Assert.Null(decision.Refusal);
        var recorded = Assert.IsType<OfficialVisit>(Assert.Single(decision.Events));
        Assert.Equal(Id, recorded.DevelopmentId);
        Assert.Equal("TUR", recorded.Actor);
        Assert.Equal(Significance.High, recorded.Significance);
        Assert.Equal("2025-04-04", recorded.OccurredOn.ToString());
    }

    [Fact]
    public void An_agreement_needs_its_title_the_first_time_the_relation_sees_it()
    {
        var decision = RecordDevelopment.Decide(Record(DevelopmentType.AgreementSigned, agreement: "maritime-2019"), null, Id);

        Assert.Empty(decision.Events);
        Assert.Equal(new Refusal(RefusalKind.Invalid, "is required the first time agreement 'maritime-2019' is recorded in this relation", "title"), decision.Refusal);
    }

    [Fact]
    public void An_agreement_the_relation_knows_needs_no_title_and_keeps_its_slug()
    {
        var first = (DevelopmentRecorded)RecordDevelopment.Decide(Record(DevelopmentType.AgreementSigned, "maritime-2019", "Maritime MoU"), null, Id).Events[0];
        var relation = Relation.Fold(null, LibyaTurkey.ToString(), first, At, 1);

        var decision = RecordDevelopment.Decide(Record(DevelopmentType.AgreementRejected, agreement: "maritime-2019"), relation, Guid.NewGuid());

        var rejected = Assert.IsType<AgreementRejected>(Assert.Single(decision.Events));
        Assert.Equal("maritime-2019", rejected.Agreement);
        Assert.Null(rejected.Title);
    }

    [Fact]
    public void A_mission_development_carries_its_mission()
    {
        var mission = new Mission("TUR", "consulate", "Benghazi");
        var opened = Assert.IsType<MissionOpened>(Assert.Single(RecordDevelopment.Decide(Record(DevelopmentType.MissionOpened, mission: mission), null, Id).Events));
        Assert.Equal(mission, opened.Mission);
    }

    [Fact]
    public void Correcting_or_retracting_a_development_the_relation_does_not_hold_is_not_found()
    {
        var elsewhere = Recorded() with { Relation = "GRC~TUR" };
        foreach (var development in new[] { null, elsewhere })
        {
            Assert.Equal(RefusalKind.NotFound, CorrectDevelopment.Decide(Correction(), LibyaTurkey, Id, development).Refusal?.Kind);
            Assert.Equal(RefusalKind.NotFound, RetractDevelopment.Decide(new RetractDevelopment("wrong", []), LibyaTurkey, Id, development).Refusal?.Kind);
        }
    }

    [Fact]
    public void A_retracted_development_can_be_neither_corrected_nor_retracted_again()
    {
        var retracted = Retracted();

        var correction = CorrectDevelopment.Decide(Correction(), LibyaTurkey, Id, retracted);
        var again = RetractDevelopment.Decide(new RetractDevelopment("again", []), LibyaTurkey, Id, retracted);

        Assert.Equal(RefusalKind.Conflict, correction.Refusal?.Kind);
        Assert.Contains("a retracted development cannot be corrected", correction.Refusal!.Detail);
        Assert.Equal(RefusalKind.Conflict, again.Refusal?.Kind);
        Assert.Contains("was already retracted", again.Refusal!.Detail);
        Assert.Empty(correction.Events);
        Assert.Empty(again.Events);
    }

    [Theory]
    [InlineData(DevelopmentType.OfficialVisit, DevelopmentType.AgreementSigned, "a development without an agreement or mission cannot become an agreement or mission type")]
    [InlineData(DevelopmentType.AgreementSigned, DevelopmentType.Statement, "an agreement development can only become another agreement type")]
    [InlineData(DevelopmentType.MissionOpened, DevelopmentType.OfficialVisit, "a mission development can only become MissionOpened or MissionClosed")]
    public void A_type_correction_keeps_the_developments_shape(DevelopmentType from, DevelopmentType to, string rule)
    {
        var decision = CorrectDevelopment.Decide(Correction() with { Type = to }, LibyaTurkey, Id, Recorded(from));

        Assert.Equal(new Refusal(RefusalKind.Invalid, $"{from} cannot be corrected to {to}: {rule}", "type"), decision.Refusal);
    }

    [Fact]
    public void A_correction_records_only_the_fields_it_names()
    {
        var decision = CorrectDevelopment.Decide(Correction() with { Type = DevelopmentType.Consultation, Summary = null }, LibyaTurkey, Id, Recorded());

        var corrected = Assert.IsType<DevelopmentCorrected>(Assert.Single(decision.Events));
        Assert.Equal((Id, "a typo", DevelopmentType.Consultation), (corrected.DevelopmentId, corrected.Reason, corrected.Type));
        Assert.Null(corrected.OccurredOn);
        Assert.Null(corrected.Significance);
        Assert.Null(corrected.Summary);
    }

    [Fact]
    public void A_retraction_carries_its_reason_and_sources()
    {
        var source = new Source { Citation = "the ministry's denial" };
        var decision = RetractDevelopment.Decide(new RetractDevelopment("denied", [source]), LibyaTurkey, Id, Recorded());

        var retracted = Assert.IsType<DevelopmentRetracted>(Assert.Single(decision.Events));
        Assert.Equal((Id, "denied"), (retracted.DevelopmentId, retracted.Reason));
        Assert.Equal([source], retracted.Sources);
    }

    private static CorrectDevelopment Correction() => new("a typo", null, null, null, "A corrected summary");

    private static Development Recorded(DevelopmentType type = DevelopmentType.OfficialVisit)
    {
        var e = (DevelopmentRecorded)RecordDevelopment.Decide(
            Record(type, type.ToString().StartsWith("Agreement") ? "a-slug" : null, "T", type.ToString().StartsWith("Mission") ? new Mission("TUR", "embassy", "Tripoli") : null),
            null, Id).Events[0];
        return Development.Recorded(LibyaTurkey.ToString(), e, At, 1);
    }

    private static Development Retracted() =>
        Development.Evolve(Recorded(), LibyaTurkey.ToString(), new DevelopmentRetracted(Id, "denied", []), At.AddMinutes(1), 2)!;

    [Fact]
    public void A_correction_keeps_a_CAMEO_code_with_its_types_root()
    {
        var visit = Recorded() with { };
        var withCode = CorrectDevelopment.Decide(Correction() with { Cameo = "043" }, LibyaTurkey, Id, visit);
        Assert.Null(withCode.Refusal);
        var coded = (Development)Development.Evolve(visit, LibyaTurkey.ToString(), withCode.Events[0], At.AddDays(1), 3)!;
        var breaks = CorrectDevelopment.Decide(Correction() with { Type = DevelopmentType.Aid }, LibyaTurkey, Id, coded);
        Assert.Equal("cameo", breaks.Refusal?.Field);
        var both = CorrectDevelopment.Decide(Correction() with { Type = DevelopmentType.Aid, Cameo = "073" }, LibyaTurkey, Id, coded);
        Assert.Null(both.Refusal);
    }
}
