using RelationsTracker.Developments;

namespace RelationsTracker.Domain.Tests;

public class TimelineFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static bool Finds(TimelineFilter filter, Development d) => filter.Matches(DevelopmentHistory.Of(d), d.FieldsKnownAt(Now)!);

    [Fact]
    public void Every_criterion_given_must_hold_and_an_absent_one_takes_all()
    {
        var visit = Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04", Significance.High, actor: "LBY-EAST");
        var drill = Dev.Of(DevelopmentType.MilitaryCooperation, "2025-08-25", actor: "TUR");

        Assert.True(Finds(TimelineFilter.All, visit));
        Assert.True(Finds(TimelineFilter.All with { Types = new HashSet<DevelopmentType> { DevelopmentType.OfficialVisit } }, visit));
        Assert.False(Finds(TimelineFilter.All with { Types = new HashSet<DevelopmentType> { DevelopmentType.OfficialVisit } }, drill));
        Assert.True(Finds(TimelineFilter.All with { Actor = "TUR" }, drill));
        Assert.False(Finds(TimelineFilter.All with { Actor = "TUR" }, visit));
        Assert.True(Finds(TimelineFilter.All with { Significances = new HashSet<Significance> { Significance.High, Significance.Low } }, visit));
        Assert.False(Finds(TimelineFilter.All with { Significances = new HashSet<Significance> { Significance.High } }, drill));
        Assert.False(Finds(new TimelineFilter("visit", null, "TUR", null), visit));
    }

    [Theory]
    [InlineData("officialvisit on 2025")] // the summary, ignoring case
    [InlineData("lby-east")]              // the actor
    [InlineData("OFFICIALVISIT")]          // the type
    [InlineData("TEST")]                   // a source's citation
    public void Text_is_found_in_the_summary_actor_type_and_sources_ignoring_case(string text) =>
        Assert.True(Finds(TimelineFilter.All with { Text = text }, Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04", actor: "LBY-EAST")));

    [Fact]
    public void A_corrected_development_is_found_by_what_it_says_now_not_before()
    {
        var d = Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04");
        var corrected = d with
        {
            Corrections = [new Correction(Now.AddDays(-1), d.LastVersion + 1, "a drill, not a visit", null, DevelopmentType.MilitaryCooperation, null, "Joint drill")],
        };

        Assert.True(Finds(TimelineFilter.All with { Text = "joint drill" }, corrected));
        Assert.False(Finds(TimelineFilter.All with { Text = "officialvisit on" }, corrected));
        Assert.True(Finds(TimelineFilter.All with { Types = new HashSet<DevelopmentType> { DevelopmentType.MilitaryCooperation } }, corrected));
    }
}
